// The operator console: plain fetch against the admin API on this same origin, with the session cookie the browser
// keeps (HttpOnly, so this script never sees it). Nothing is stored in the page beyond what is on screen; every
// value from the API is written with textContent, never as HTML. docs/adr/0143-operator-console.md.

const basePath = document.querySelector('meta[name="auth-base-path"]').content;
const $ = (selector) => document.querySelector(selector);
const state = { session: null, view: "users", userOffset: 0, auditOffset: 0, auditFilter: {}, userId: null, lastImpersonated: null };

/** One call to the auth API: JSON in and out; never throws for an HTTP error. */
async function api(path, { method = "GET", body } = {}) {
	const headers = { accept: "application/json" };
	if (body !== undefined) headers["content-type"] = "application/json";
	let response;
	try {
		response = await fetch(basePath + path, {
			method, headers, credentials: "same-origin",
			body: body === undefined ? undefined : JSON.stringify(body),
		});
	} catch (error) {
		return { ok: false, status: 0, data: { message: `network error: ${error.message}` } };
	}
	const text = await response.text();
	let data = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = { message: text };
	}
	return { ok: response.ok, status: response.status, data };
}

/** The answer's data, or null after showing why it failed. */
function expect(result, what) {
	if (result.ok) return result.data;
	const code = result.data?.code;
	const hint = code === "SESSION_NOT_FRESH" ? " Sign out and in again: this action needs a recent sign-in." : "";
	say(`${what} failed (${result.status}${code ? " " + code : ""}): ${result.data?.message ?? ""}${hint}`, true);
	return null;
}

function say(text, isError = false) {
	const message = $("#message");
	message.textContent = text;
	message.classList.toggle("error", isError);
	message.hidden = !text;
}

/** Runs a user action, then counts it as completed (the browser tests wait on body[data-completed]). */
async function act(action) {
	try {
		await action();
	} catch (error) {
		say(`unexpected error: ${error.message}`, true);
	} finally {
		document.body.dataset.completed = String(Number(document.body.dataset.completed) + 1);
	}
}

function on(selector, event, action) {
	$(selector).addEventListener(event, (e) => {
		if (event === "submit") e.preventDefault();
		act(() => action(e));
	});
}

function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null) continue;
		if (name.startsWith("data-")) node.setAttribute(name, String(value));
		else if (name === "class") node.className = value;
		else node[name] = value;
	}
	for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(child ?? ""));
	return node;
}

const time = (value) => (value ? new Date(value).toISOString().replace("T", " ").slice(0, 19) + " UTC" : "");

function fill(tableSelector, rows, emptyText) {
	const body = $(`${tableSelector} tbody`);
	const columns = $(`${tableSelector} thead tr`).children.length;
	body.replaceChildren(...(rows.length ? rows : [el("tr", {}, el("td", { colSpan: columns, class: "empty" }, emptyText))]));
}

// ---- session and layout -------------------------------------------------------------------------------------

async function refresh() {
	const result = await api("/get-session");
	state.session = result.ok ? result.data : null;
	const session = state.session;
	const impersonating = Boolean(session?.session?.impersonatedBy);
	$("#sign-in").hidden = Boolean(session);
	$("#sign-out").hidden = !session;
	$("#impersonation-banner").hidden = !impersonating;
	$("#impersonated-view").hidden = !impersonating;
	$("#tabs").hidden = !session || impersonating;
	document.body.classList.toggle("impersonating", impersonating);
	$("#who").textContent = session ? `Signed in as ${session.user.email}` : "Signed out";
	$("#who").dataset.email = session?.user.email ?? "";
	if (impersonating) {
		$("#impersonated-user").textContent = `${session.user.name} <${session.user.email}>`;
		$("#impersonation-expires").textContent = time(session.session.expiresAt);
	}
	if (!session || impersonating) {
		showView(null);
		return;
	}
	if (state.view === "user" && state.userId) await openUser(state.userId);
	else await showTab(state.view === "user" ? "users" : state.view);
}

function showView(name) {
	for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== `${name}-view`;
	for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === name || (name === "user" && tab.dataset.view === "users"));
	if (name) state.view = name;
}

async function showTab(name) {
	showView(name);
	if (name === "users") await loadUsers();
	if (name === "audit") await loadAudit();
	if (name === "webhooks") await loadWebhooks();
}

on("#sign-in-form", "submit", async (e) => {
	const form = new FormData(e.target);
	const answer = expect(await api("/sign-in/email", { method: "POST", body: { email: form.get("email"), password: form.get("password") } }), "Sign-in");
	if (!answer) return;
	if (answer.twoFactorRedirect) {
		const code = prompt("Code from your authenticator app");
		if (!code || !expect(await api("/two-factor/verify-totp", { method: "POST", body: { code } }), "Second factor")) return;
	}
	e.target.reset();
	say("");
	state.view = "users";
	await refresh();
});

on("#sign-out", "click", async () => {
	await api("/sign-out", { method: "POST", body: {} });
	say("");
	await refresh();
});

for (const tab of document.querySelectorAll(".tab")) {
	tab.addEventListener("click", () => act(async () => {
		say("");
		await showTab(tab.dataset.view);
	}));
}

// ---- users ----------------------------------------------------------------------------------------------------

function userQuery() {
	const form = new FormData($("#user-search-form"));
	const query = new URLSearchParams({ limit: form.get("limit"), offset: String(state.userOffset), sortBy: "createdAt", sortDirection: "desc" });
	const value = String(form.get("searchValue") ?? "").trim();
	if (value) {
		query.set("searchValue", value);
		query.set("searchField", form.get("searchField"));
		query.set("searchOperator", "contains");
	}
	return query;
}

async function loadUsers() {
	const page = expect(await api(`/admin/list-users?${userQuery()}`), "Listing users");
	if (!page) return;
	fill("#users", page.users.map((user) => {
		const row = el("tr", { class: "link", "data-user-id": user.id, "data-email": user.email },
			el("td", {}, user.name), el("td", {}, user.email), el("td", {}, el("span", { class: "role" }, user.role)),
			el("td", {}, user.banned ? el("span", { class: "badge banned" }, "banned") : el("span", { class: "badge" }, "active")),
			el("td", {}, time(user.createdAt)));
		row.addEventListener("click", () => act(() => openUser(user.id)));
		return row;
	}), "No user matches.");
	const limit = Number(page.limit ?? page.users.length);
	const first = page.total === 0 ? 0 : state.userOffset + 1;
	$("#users-range").textContent = `${first}–${state.userOffset + page.users.length} of ${page.total}`;
	$("#users-range").dataset.total = String(page.total);
	$("#users-previous").disabled = state.userOffset === 0;
	$("#users-next").disabled = state.userOffset + limit >= page.total;
}

on("#user-search-form", "submit", async () => {
	state.userOffset = 0;
	await loadUsers();
});
on("#users-previous", "click", async () => {
	state.userOffset = Math.max(0, state.userOffset - Number(new FormData($("#user-search-form")).get("limit")));
	await loadUsers();
});
on("#users-next", "click", async () => {
	state.userOffset += Number(new FormData($("#user-search-form")).get("limit"));
	await loadUsers();
});
on("#back-to-users", "click", () => showTab("users"));

async function openUser(userId) {
	const user = expect(await api(`/admin/get-user?id=${encodeURIComponent(userId)}`), "Reading the user");
	if (!user) return;
	state.userId = userId;
	showView("user");
	$("#user-title").textContent = `${user.name} <${user.email}>`;
	const details = $("#user-details");
	details.dataset.banned = String(user.banned);
	details.dataset.role = user.role;
	const rows = [
		["User id", user.id], ["Email verified", user.emailVerified ? "yes" : "no"], ["Username", user.username ?? ""],
		["Role", user.role], ["Created", time(user.createdAt)],
		["State", user.banned ? `banned: ${user.banReason ?? ""}${user.banExpires ? " (until " + time(user.banExpires) + ")" : " (no end)"}` : "active"],
	];
	details.replaceChildren(...rows.flatMap(([name, value]) => [el("dt", {}, name), el("dd", { "data-field": name }, value)]));
	$("#ban-form").hidden = user.banned;
	$("#unban").hidden = !user.banned;
	$("#role-form [name=role]").value = user.role;
	await Promise.all([loadSessions(userId), loadAccounts(userId), loadUserEvents(userId)]);
}

async function loadSessions(userId) {
	const answer = expect(await api("/admin/list-user-sessions", { method: "POST", body: { userId } }), "Listing sessions");
	if (!answer) return;
	fill("#sessions", answer.sessions.map((session) => {
		const revoke = el("button", { type: "button", class: "small" }, "Revoke");
		revoke.addEventListener("click", () => act(async () => {
			if (expect(await api("/admin/revoke-user-session", { method: "POST", body: { sessionToken: session.id } }), "Revoking the session")) {
				say("Session revoked.");
				await openUser(userId);
			}
		}));
		return el("tr", { "data-session-id": session.id, "data-impersonated-by": session.impersonatedBy ?? "" },
			el("td", {}, time(session.createdAt)), el("td", {}, time(session.expiresAt)), el("td", {}, session.ipAddress ?? ""),
			el("td", { class: "agent" }, session.userAgent ?? ""), el("td", {}, session.impersonatedBy ?? ""), el("td", {}, revoke));
	}), "No live session.");
}

async function loadAccounts(userId) {
	const answer = expect(await api(`/admin/list-user-accounts?userId=${encodeURIComponent(userId)}`), "Listing accounts");
	if (!answer) return;
	$("#accounts").replaceChildren(...(answer.accounts.length
		? answer.accounts.map((a) => el("li", { "data-provider": a.providerId },
			el("strong", {}, a.providerId === "credential" ? "password" : a.providerId), ` since ${time(a.createdAt)}`,
			a.providerId === "credential" ? "" : ` (account ${a.accountId})`))
		: [el("li", { class: "empty" }, "No account.")]));
	const factors = [el("li", { "data-factor": "totp" }, el("strong", {}, "Authenticator app (TOTP): "),
		answer.twoFactorEnabled ? `on, ${answer.backupCodesLeft} backup codes left` : "off")];
	for (const passkey of answer.passkeys) {
		factors.push(el("li", { "data-factor": "passkey" }, el("strong", {}, "Passkey: "), `${passkey.name || "unnamed"} (${passkey.deviceType}) since ${time(passkey.createdAt)}`));
	}
	if (!answer.passkeys.length) factors.push(el("li", { class: "empty" }, "No passkey."));
	$("#factors").replaceChildren(...factors);
}

function eventRow(event, withUser) {
	return el("tr", { "data-type": event.type, "data-outcome": event.outcome },
		el("td", {}, time(event.createdAt)), el("td", {}, el("code", {}, event.type)),
		el("td", {}, el("span", { class: `badge ${event.outcome}` }, event.outcome)), el("td", {}, event.reason ?? ""),
		el("td", { class: "id" }, event.actorId ?? ""), ...(withUser ? [el("td", { class: "id" }, event.userId ?? "")] : []),
		el("td", {}, event.ipAddress ?? ""));
}

async function loadUserEvents(userId) {
	const page = expect(await api(`/admin/list-audit-events?userId=${encodeURIComponent(userId)}&limit=20`), "Reading the audit trail");
	if (!page) return;
	fill("#user-events", page.events.map((event) => eventRow(event, false)), "No event.");
}

/** Runs an admin action on the open user, then shows them again. */
async function onUser(what, path, body, done) {
	if (!expect(await api(path, { method: "POST", body: { userId: state.userId, ...body } }), what)) return;
	say(done);
	await openUser(state.userId);
}

on("#ban-form", "submit", async (e) => {
	const form = new FormData(e.target);
	const expiresIn = form.get("banExpiresIn");
	await onUser("Banning", "/admin/ban-user",
		{ banReason: String(form.get("banReason") ?? "").trim() || undefined, banExpiresIn: expiresIn ? Number(expiresIn) : undefined },
		"Banned: every session ended, every way in refused.");
	e.target.reset();
});
on("#unban", "click", () => onUser("Unbanning", "/admin/unban-user", {}, "Ban lifted."));
on("#role-form", "submit", (e) => onUser("Setting the role", "/admin/set-role", { role: new FormData(e.target).get("role") }, "Role set."));
on("#password-form", "submit", async (e) => {
	await onUser("Setting the password", "/admin/set-user-password", { newPassword: new FormData(e.target).get("newPassword") }, "Password set.");
	e.target.reset();
});
on("#revoke-all", "click", () => onUser("Revoking the sessions", "/admin/revoke-user-sessions", {}, "Every session revoked."));
on("#impersonate", "click", async () => {
	if (!expect(await api("/admin/impersonate-user", { method: "POST", body: { userId: state.userId } }), "Impersonating")) return;
	state.lastImpersonated = state.userId;
	say("");
	await refresh();
});
on("#stop-impersonating", "click", async () => {
	if (!expect(await api("/admin/stop-impersonating", { method: "POST", body: {} }), "Stopping the impersonation")) return;
	say("Impersonation stopped: you are yourself again.");
	if (state.lastImpersonated) {
		state.view = "user";
		state.userId = state.lastImpersonated;
	}
	await refresh();
});

// ---- audit trail ------------------------------------------------------------------------------------------------

const AUDIT_PAGE = 25;

async function loadAudit() {
	const query = new URLSearchParams({ limit: String(AUDIT_PAGE), offset: String(state.auditOffset) });
	for (const [name, value] of Object.entries(state.auditFilter)) if (value) query.set(name, value);
	const page = expect(await api(`/admin/list-audit-events?${query}`), "Reading the audit trail");
	if (!page) return;
	fill("#audit-events", page.events.map((event) => eventRow(event, true)), "No event matches.");
	const first = page.total === 0 ? 0 : state.auditOffset + 1;
	$("#audit-range").textContent = `${first}–${state.auditOffset + page.events.length} of ${page.total}`;
	$("#audit-range").dataset.total = String(page.total);
	$("#audit-previous").disabled = state.auditOffset === 0;
	$("#audit-next").disabled = state.auditOffset + AUDIT_PAGE >= page.total;
}

on("#audit-filter-form", "submit", async (e) => {
	const form = new FormData(e.target);
	const instant = (value) => (value ? new Date(value).toISOString() : "");
	state.auditFilter = {
		userId: String(form.get("userId") ?? "").trim(), type: String(form.get("type") ?? "").trim(),
		from: instant(form.get("from")), to: instant(form.get("to")),
	};
	state.auditOffset = 0;
	await loadAudit();
});
on("#audit-previous", "click", async () => {
	state.auditOffset = Math.max(0, state.auditOffset - AUDIT_PAGE);
	await loadAudit();
});
on("#audit-next", "click", async () => {
	state.auditOffset += AUDIT_PAGE;
	await loadAudit();
});

// ---- webhooks ---------------------------------------------------------------------------------------------------

async function loadWebhooks() {
	const webhooks = expect(await api("/admin/list-webhooks"), "Listing webhooks");
	if (!webhooks) return;
	$("#deliveries").hidden = $("#deliveries-title").hidden = true;
	fill("#webhooks", webhooks.map((webhook) => {
		const row = el("tr", { class: "link", "data-webhook-id": webhook.id },
			el("td", {}, webhook.url), el("td", {}, webhook.events.join(", ")), el("td", {}, time(webhook.lastDeliveredAt)),
			el("td", {}, String(webhook.failedAttempts)), el("td", {}, webhook.lastError ?? ""));
		row.addEventListener("click", () => act(() => loadDeliveries(webhook)));
		return row;
	}), "No webhook endpoint. Register one with POST /admin/create-webhook or the add-webhook command.");
}

async function loadDeliveries(webhook) {
	const deliveries = expect(await api(`/admin/list-webhook-deliveries?webhookId=${encodeURIComponent(webhook.id)}&limit=50`), "Reading deliveries");
	if (!deliveries) return;
	$("#deliveries-title").textContent = `Deliveries to ${webhook.url}`;
	$("#deliveries").hidden = $("#deliveries-title").hidden = false;
	fill("#deliveries", deliveries.map((d) => el("tr", { "data-succeeded": String(d.succeeded) },
		el("td", {}, time(d.attemptedAt)), el("td", {}, el("code", {}, d.eventType)), el("td", { class: "id" }, d.messageId),
		el("td", {}, String(d.attempt)), el("td", {}, d.statusCode === null ? "" : String(d.statusCode)),
		el("td", {}, d.succeeded ? el("span", { class: "badge success" }, "delivered") : el("span", { class: "badge failure" }, d.error ?? "failed")),
		el("td", {}, String(d.durationMs)))), "Nothing sent yet.");
}

await act(refresh);
