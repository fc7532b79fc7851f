// The API keys page of the demo frontend (BetterAuth's api-key plugin, /api-key/*): a signed-in user creates a key
// for a program (the key itself is in the create answer only, so the page shows it once, with a copy button and a
// warning), lists their keys (name, prefix and first characters, expiry, remaining uses, enabled), renames,
// disables and deletes them. A program sends its key in the x-api-key header; the service keeps only a digest.

/** Expiry choices, in seconds; the service's defaults allow one day to one year (Auth:ApiKeys:Minimum/MaximumExpiresIn). */
const EXPIRY_CHOICES = [["", "never"], ["86400", "in 1 day"], ["2592000", "in 30 days"], ["31536000", "in 1 year"]];

/** Wires the controls; app.js passes its API helper, its action runner and the session. */
export function setUpApiKeys({ api, run, getSession }) {
	const $ = (selector) => document.querySelector(selector);
	const make = (tag, properties = {}) => Object.assign(document.createElement(tag), properties);
	const problem = (result) => `${result.data?.code ?? result.status} ${result.data?.message ?? ""}`.trim();
	const say = (text) => ($("#api-key-state").textContent = text);

	async function create(form) {
		const { name, prefix, expiresIn } = Object.fromEntries(new FormData(form));
		const body = { name };
		if (prefix.trim()) body.prefix = prefix.trim();
		if (expiresIn) body.expiresIn = Number(expiresIn);
		const result = await api("/api-key/create", { method: "POST", body });
		if (!result.ok) {
			say(result.data?.code === "SESSION_NOT_FRESH"
				? "Sign in again to create a key: keys are made only in a fresh session."
				: `Not created: ${problem(result)}`);
			return;
		}
		say("");
		form.reset();
		showOnce(result.data.key);
		await list();
	}

	/** The key is in the create answer only: shown here until dismissed, never stored, never shown again. */
	function showOnce(key) {
		$("#new-api-key-value").textContent = key;
		$("#copy-state").textContent = "";
		$("#new-api-key").hidden = false;
	}

	async function copy() {
		try {
			await navigator.clipboard.writeText($("#new-api-key-value").textContent);
			$("#copy-state").textContent = "Copied.";
		} catch (error) {
			$("#copy-state").textContent = `The browser did not copy (${error.name}): select the key and copy it yourself.`;
		}
	}

	function dismiss() {
		$("#new-api-key-value").textContent = "";
		$("#new-api-key").hidden = true;
	}

	async function list() {
		const result = await api("/api-key/list", { quiet: true });
		const rows = $("#api-keys tbody");
		rows.replaceChildren();
		const keys = result.ok ? result.data.apiKeys : [];
		$("#api-keys").dataset.count = result.ok ? String(keys.length) : "";
		$("#api-keys").hidden = keys.length === 0;
		if (!result.ok) say(`Keys not listed: ${problem(result)}`);
		for (const key of keys) rows.append(row(key));
	}

	function row(key) {
		const tr = make("tr");
		tr.dataset.id = key.id;
		tr.dataset.name = key.name ?? "";
		tr.dataset.enabled = String(key.enabled);
		const name = make("input", { value: key.name ?? "", maxLength: 32, className: "key-name", ariaLabel: "Name" });
		const enabled = make("input", { type: "checkbox", checked: key.enabled, className: "key-enabled", ariaLabel: "Enabled" });
		const save = make("button", { type: "button", textContent: "Save", className: "save-key" });
		save.addEventListener("click", () => run(() => update(key.id, name.value.trim(), enabled.checked)));
		const remove = make("button", { type: "button", textContent: "Delete", className: "delete-key" });
		remove.addEventListener("click", () => run(() => deleteKey(key.id, key.name)));
		const cells = [
			name,
			make("code", { textContent: key.prefix ?? "—" }),
			make("code", { textContent: key.start ? `${key.start}…` : "—" }),
			key.expiresAt ? new Date(key.expiresAt).toLocaleDateString() : "never",
			key.remaining ?? "unlimited",
			enabled,
			[save, remove],
		];
		for (const content of cells) {
			const td = make("td");
			td.append(...[content].flat());
			tr.append(td);
		}
		return tr;
	}

	async function update(keyId, name, enabled) {
		const result = await api("/api-key/update", { method: "POST", body: { keyId, name, enabled } });
		say(result.ok ? `Saved ${result.data.name ?? "the key"}${result.data.enabled ? "" : " (disabled: it is refused until enabled again)"}.` : `Not saved: ${problem(result)}`);
		await list();
	}

	async function deleteKey(keyId, name) {
		const result = await api("/api-key/delete", { method: "POST", body: { keyId } });
		say(result.ok ? `Deleted ${name ?? "the key"}: it is refused from now on.` : `Not deleted: ${problem(result)}`);
		await list();
	}

	$("#create-api-key-form [name=expiresIn]").append(...EXPIRY_CHOICES.map(([value, label]) => make("option", { value, textContent: label })));
	$("#create-api-key-form").addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => create(event.target));
	});
	$("#copy-api-key").addEventListener("click", () => run(copy));
	$("#dismiss-api-key").addEventListener("click", dismiss);

	return {
		/** After every session refresh: the card follows the session; signed out, a key still on screen goes too. */
		async render() {
			const signedIn = Boolean(getSession()?.user);
			$("#api-keys-card").hidden = !signedIn;
			if (signedIn) {
				await list();
			} else {
				dismiss();
				say("");
			}
		},
	};
}
