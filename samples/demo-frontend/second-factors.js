// Two-factor (TOTP with backup codes) and passkeys for the demo frontend: "Set up two-factor" with its QR
// code, the second-factor prompt after a sign-in that answers {twoFactorRedirect: true}, "Add a passkey"
// and "Sign in with a passkey". WebAuthn runs through the browser's own JSON helpers
// (PublicKeyCredential.parseCreationOptionsFromJSON / toJSON), so no library is needed. Cookie mode only:
// the pending sign-in and the passkey ceremony are cookies.
import qrcode from "./vendor/qrcode-generator-2.0.4.mjs";

/** Wires the controls; app.js passes its API helper and its session refresh. */
export function setUpSecondFactors({ api, run, afterCredentials, refreshSession }) {
	const $ = (selector) => document.querySelector(selector);

	async function enableTwoFactor(form) {
		const { password } = Object.fromEntries(new FormData(form));
		const result = await api("/two-factor/enable", { method: "POST", body: { password } });
		if (!result.ok) return;
		const qr = qrcode(0, "M");
		qr.addData(result.data.totpURI);
		qr.make();
		$("#totp-qr").innerHTML = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
		$("#totp-uri").textContent = result.data.totpURI;
		const codes = $("#backup-codes");
		codes.replaceChildren(...result.data.backupCodes.map((code) => Object.assign(document.createElement("li"), { textContent: code })));
		$("#totp-setup").hidden = false;
		form.reset();
	}

	async function confirmTwoFactor(form) {
		const { code } = Object.fromEntries(new FormData(form));
		const result = await api("/two-factor/verify-totp", { method: "POST", body: { code } });
		$("#two-factor-state").textContent = result.ok ? "Two-factor is on." : "That code did not match; try the next one.";
		if (result.ok) $("#totp-setup").hidden = true;
		form.reset();
	}

	async function verifySecondFactor(form) {
		const { code, trustDevice } = Object.fromEntries(new FormData(form));
		// Backup codes look like XXXXX-XXXXX; app codes are six digits.
		const route = /^\d{6}$/.test(code.trim()) ? "/two-factor/verify-totp" : "/two-factor/verify-backup-code";
		const result = await api(route, { method: "POST", body: { code: code.trim(), trustDevice: trustDevice === "on" } });
		if (result.ok) $("#two-factor-prompt").hidden = true;
		form.reset();
		await afterCredentials(result);
	}

	async function addPasskey() {
		const options = await api("/passkey/generate-register-options");
		if (!options.ok) {
			// The service adds passkeys only to a verified address.
			$("#passkey-state").textContent = options.data?.code === "EMAIL_NOT_VERIFIED"
				? "Verify your email address first (the link in your inbox), then add a passkey."
				: `Not added: ${options.data?.code ?? options.status}`;
			return;
		}
		let credential;
		try {
			credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.data) });
		} catch (error) {
			$("#passkey-state").textContent = `The browser did not create a passkey: ${error.name}`;
			return;
		}
		const name = $("#passkey-name").value.trim() || undefined;
		const result = await api("/passkey/verify-registration", { method: "POST", body: { response: credential.toJSON(), name } });
		$("#passkey-state").textContent = result.ok ? "Passkey added." : `Not added: ${result.data?.code ?? result.status}`;
		await listPasskeys();
	}

	async function signInWithPasskey() {
		const options = await api("/passkey/generate-authenticate-options");
		if (!options.ok) return;
		let credential;
		try {
			credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options.data) });
		} catch (error) {
			show(`The browser offered no passkey: ${error.name}`);
			return;
		}
		const result = await api("/passkey/verify-authentication", { method: "POST", body: { response: credential.toJSON() } });
		await afterCredentials(result);
	}

	async function listPasskeys() {
		const result = await api("/passkey/list-user-passkeys");
		const list = $("#passkeys");
		list.replaceChildren();
		if (!result.ok) {
			list.dataset.count = "";
			return;
		}
		for (const passkey of result.data) {
			const item = document.createElement("li");
			item.dataset.id = passkey.id;
			item.textContent = `${passkey.name ?? "unnamed passkey"} · added ${new Date(passkey.createdAt).toLocaleString()} `;
			const remove = Object.assign(document.createElement("button"), { type: "button", textContent: "Delete" });
			remove.addEventListener("click", () => run(async () => {
				await api("/passkey/delete-passkey", { method: "POST", body: { id: passkey.id } });
				await listPasskeys();
			}));
			item.append(remove);
			list.append(item);
		}
		list.dataset.count = String(result.data.length);
	}

	function show(text) {
		$("#hint").hidden = false;
		$("#hint").textContent = text;
	}

	const onSubmit = (selector, handler) => $(selector).addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => handler(event.target));
	});
	onSubmit("#two-factor-setup-form", enableTwoFactor);
	onSubmit("#totp-confirm-form", confirmTwoFactor);
	onSubmit("#two-factor-form", verifySecondFactor);
	$("#add-passkey").addEventListener("click", () => run(addPasskey));
	$("#sign-in-passkey").addEventListener("click", () => run(signInWithPasskey));
	$("#list-passkeys").addEventListener("click", () => run(listPasskeys));

	return {
		/** Sign-in answered {twoFactorRedirect: true}: ask for the code; no session exists yet. */
		promptForSecondFactor() {
			$("#two-factor-prompt").hidden = false;
			$("#two-factor-form [name=code]").focus();
		},
		refreshSession,
	};
}
