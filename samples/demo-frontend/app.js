// The demo frontend: signs up and in against AuthPlatform, shows the session, fetches a JWT from /token
// and calls a resource server with it, lists and revokes sessions, signs out; the other ways in (username, mailed
// link, mailed code) in ways-in.js, API keys in api-keys.js, organizations in organizations.js. Plain fetch, no library:
// every request is visible here as the HTTP contract (docs/compatibility.md) describes it.
//
// Two modes (config.json from the static host, or ?mode= in the URL):
//   cookies  the session is an HttpOnly cookie the browser keeps; every call uses credentials: 'include'.
//            Cross-site this needs the service's CrossSite cookie mode (SameSite=None; Secure; Partitioned)
//            and this page's origin in AUTH_TRUSTED_ORIGINS.
//   bearer   the session token from sign-in is kept in this page's memory only (never in storage, so a
//            reload signs out) and sent as Authorization: Bearer; no cookies (credentials: 'omit').

import { setUpApiKeys } from "./api-keys.js";
import { setUpOrganizations } from "./organizations.js";
import { setUpSecondFactors } from "./second-factors.js";
import { setUpWaysIn } from "./ways-in.js";

const config = await loadConfig();
const state = {
	bearerToken: null, // bearer mode only
	session: null,
	lastJwt: null,
};
// Read by the end-to-end tests (and handy in the console); holds nothing the page does not already hold.
window.demoState = state;
window.demoApiBase = config.apiBaseUrl;

document.querySelector("#config").textContent =
	`API ${config.apiBaseUrl}${config.authPath} · resource server ${config.resourceServerUrl || "(none)"} · mode ${config.mode}`;

async function loadConfig() {
	const defaults = { apiBaseUrl: "http://localhost:5000", authPath: "/api/auth", resourceServerUrl: "", mode: "cookies" };
	let served = {};
	try {
		const response = await fetch("config.json", { cache: "no-store" });
		if (response.ok) served = await response.json();
	} catch {
		// no config.json: defaults and query parameters only
	}
	const query = new URLSearchParams(location.search);
	const chosen = { ...defaults, ...served };
	if (query.get("api")) chosen.apiBaseUrl = query.get("api");
	if (query.get("rs")) chosen.resourceServerUrl = query.get("rs");
	if (query.get("mode")) chosen.mode = query.get("mode");
	if (chosen.mode !== "cookies" && chosen.mode !== "bearer") throw new Error(`unknown mode ${chosen.mode}`);
	chosen.apiBaseUrl = chosen.apiBaseUrl.replace(/\/$/, "");
	return chosen;
}

/**
 * One call to the auth API: JSON in and out, credentials per mode. Never throws for HTTP errors. `quiet`: a read
 * the page makes by itself (to draw a card), kept out of the "Last response" panel, which shows the user's actions.
 */
async function api(path, { method = "GET", body, quiet = false } = {}) {
	const headers = { accept: "application/json" };
	if (body !== undefined) headers["content-type"] = "application/json";
	if (config.mode === "bearer" && state.bearerToken) headers.authorization = `Bearer ${state.bearerToken}`;
	let response;
	try {
		response = await fetch(config.apiBaseUrl + config.authPath + path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: config.mode === "cookies" ? "include" : "omit",
		});
	} catch (error) {
		const failed = { ok: false, status: 0, data: { message: `network error: ${error.message}` } };
		return quiet ? failed : show(failed, method, path);
	}
	const text = await response.text();
	let data = null;
	try {
		data = text ? JSON.parse(text) : null;
	} catch {
		data = { message: text };
	}
	// The bearer plugin's header: a new session token (sign-in, sign-up, change-password).
	const issued = response.headers.get("set-auth-token");
	if (config.mode === "bearer" && issued) state.bearerToken = issued;
	const result = { ok: response.ok, status: response.status, data };
	return quiet ? result : show(result, method, path);
}

function show(result, method, path) {
	const element = document.querySelector("#last-response");
	element.dataset.status = String(result.status);
	// Tokens are shortened: this panel is for reading, not for copying credentials.
	element.textContent = `${method} ${path} → ${result.status}\n${JSON.stringify(result.data, redact, 2)}`;
	return result;
}

function redact(key, value) {
	return key === "token" && typeof value === "string" ? `${value.slice(0, 6)}…` : value;
}

async function refreshSession() {
	const result = await api("/get-session");
	state.session = result.ok ? result.data : null;
	render();
	await organizations.render();
	await apiKeys.render();
}

function render() {
	const status = document.querySelector("#session-status");
	const signedIn = Boolean(state.session?.user);
	status.textContent = signedIn ? `Signed in as ${state.session.user.email}` : "Signed out";
	status.className = `status ${signedIn ? "signed-in" : "signed-out"}`;
	// While a mailed link or code is on its way, its page stands in for the sign-in forms.
	document.querySelector("#signed-out").hidden = signedIn || waysIn.awaitingMail;
	waysIn.render(signedIn);
	document.querySelector("#sign-out").hidden = !signedIn;
	document.querySelector("#sessions-card").hidden = !signedIn;
	document.querySelector("#security-card").hidden = !signedIn;
	document.querySelector("#session-details").hidden = !signedIn;
	document.querySelector("#verify-email").hidden = !signedIn || state.session.user.emailVerified;
	const view = new URLSearchParams(location.search);
	document.querySelector("#forgot-link").href = pageUrl("forgot");
	document.querySelector("#forgot-password").hidden = signedIn || view.get("view") !== "forgot";
	document.querySelector("#reset-password").hidden = !(view.get("view") === "reset" && (view.get("token") || view.get("error")));
	document.querySelector("#reset-error").hidden = !view.get("error");
	if (signedIn) {
		document.querySelector("#user-name").textContent = state.session.user.name;
		document.querySelector("#user-email").textContent = state.session.user.email;
		document.querySelector("#user-id").textContent = state.session.user.id;
		document.querySelector("#session-id").textContent = state.session.session.id;
		document.querySelector("#session-expires").textContent = new Date(state.session.session.expiresAt).toLocaleString();
	} else {
		const sessions = document.querySelector("#sessions");
		sessions.replaceChildren();
		sessions.dataset.count = "";
	}
}

async function signUp(form) {
	const { name, email, password, username } = Object.fromEntries(new FormData(form));
	const body = { name, email, password };
	if (username.trim()) body.username = username.trim(); // the username plugin's optional field
	const result = await api("/sign-up/email", { method: "POST", body });
	await afterCredentials(result);
}

async function signIn(form) {
	const { email, password } = Object.fromEntries(new FormData(form));
	const result = await api("/sign-in/email", { method: "POST", body: { email, password } });
	await afterCredentials(result);
}

/**
 * What follows every sign-in that answers JSON (password, username, mailed code, passkey, second factor): the
 * session, or, for a user with a second factor, the prompt for it.
 */
async function afterCredentials(result) {
	// A user with a second factor: no session yet, the page asks for the code (second-factors.js).
	if (result.ok && result.data?.twoFactorRedirect) return secondFactors.promptForSecondFactor();
	if (result.ok && config.mode === "bearer") state.bearerToken ??= result.data.token;
	await refreshSession();
	// Accepted, yet no session: the browser refused the cookie. Cross-site that means it was not
	// Partitioned (AUTH_COOKIE_MODE=CrossSite) or this origin is not in AUTH_TRUSTED_ORIGINS.
	const hint = document.querySelector("#hint");
	hint.hidden = !(result.ok && !state.session);
	hint.textContent = hint.hidden ? "" : "The service accepted the credentials, but the browser kept no session cookie (cross-site, the cookie must be SameSite=None; Secure; Partitioned).";
}

/** This page, with a view: where mailed links lead back to (it must be a trusted origin of the service). */
function pageUrl(view) {
	const url = new URL(location.href);
	url.search = "";
	url.searchParams.set("view", view);
	for (const key of ["api", "rs", "mode"]) {
		const value = new URLSearchParams(location.search).get(key);
		if (value) url.searchParams.set(key, value);
	}
	return url.href;
}

/**
 * "Sign in with <provider>": one button per provider the service has configured (GET /social-providers,
 * public). The button asks /sign-in/social for the provider's URL, as BetterAuth's signIn.social does, and
 * the page goes there; the provider sends the browser back through the service's callback to this page.
 */
async function loadSocialProviders() {
	const container = document.querySelector("#social-buttons");
	const result = await api("/social-providers");
	container.replaceChildren();
	if (!result.ok || !Array.isArray(result.data)) return;
	for (const provider of result.data) {
		const button = document.createElement("button");
		button.type = "button";
		button.dataset.provider = provider.id;
		button.textContent = `Sign in with ${provider.name}`;
		button.addEventListener("click", () => run(() => signInSocial(provider.id)));
		container.append(button);
	}
}

async function signInSocial(provider) {
	const result = await api("/sign-in/social", {
		method: "POST",
		body: { provider, callbackURL: pageUrl("signed-in"), errorCallbackURL: pageUrl("sign-in-error") },
	});
	if (result.ok && result.data?.url) location.href = result.data.url;
}

/** Why a sign-in that left the page (a provider, a mailed link) came back here with ?view=...&error=CODE. */
const RETURN_ERRORS = {
	"sign-in-error": (code) => `Sign-in with the provider failed: ${code}`,
	"link-error": (code) => `The sign-in link did not work (${code}): it works once, for a few minutes. Ask for a new one.`,
};

/**
 * The page was reached at the end of a sign-in that left it (a provider's callback, a magic link): refused, the
 * service says why in ?error=; waiting for the second factor (?twoFactorRedirect=true, the redirect form of
 * BetterAuth's {twoFactorRedirect: true}), the page asks for it as after a password.
 */
function showReturnFromSignIn() {
	const query = new URLSearchParams(location.search);
	const explain = RETURN_ERRORS[query.get("view")];
	if (explain && query.get("error")) {
		const hint = document.querySelector("#hint");
		hint.hidden = false;
		hint.textContent = explain(query.get("error"));
	}
	if (query.get("twoFactorRedirect") === "true" && !state.session?.user) secondFactors.promptForSecondFactor();
}

/** "Forgot password?": the answer is the same whether or not the address has an account. */
async function requestReset(form) {
	const { email } = Object.fromEntries(new FormData(form));
	const result = await api("/request-password-reset", { method: "POST", body: { email, redirectTo: pageUrl("reset") } });
	const status = document.querySelector("#forgot-status");
	status.dataset.sent = result.ok ? "yes" : "no";
	status.textContent = result.ok ? result.data.message : `${result.data?.code ?? ""} ${result.data?.message ?? ""}`;
}

/** "Reset password": the mailed link came back here with ?token=...; on success, sign in with the new password. */
async function resetPassword(form) {
	const { newPassword } = Object.fromEntries(new FormData(form));
	const token = new URLSearchParams(location.search).get("token");
	const result = await api("/reset-password", { method: "POST", body: { newPassword, token } });
	const status = document.querySelector("#reset-status");
	status.dataset.done = result.ok ? "yes" : "no";
	status.textContent = result.ok ? "Password changed. Sign in with your new password." : `${result.data?.code ?? ""} ${result.data?.message ?? ""}`;
	if (result.ok) history.replaceState(null, "", pageUrl("signin"));
	render();
}

/** "Verify your email": mails a link that leads back to this page. */
async function sendVerification() {
	const result = await api("/send-verification-email", { method: "POST", body: { email: state.session.user.email, callbackURL: pageUrl("verified") } });
	const status = document.querySelector("#verify-status");
	status.dataset.sent = result.ok ? "yes" : "no";
	status.textContent = result.ok ? "Check your inbox for the verification link." : `${result.data?.code ?? ""} ${result.data?.message ?? ""}`;
}

async function signOut() {
	await api("/sign-out", { method: "POST", body: {} });
	state.bearerToken = null;
	await refreshSession();
}

/** A fresh JWT for every call (they live 15 minutes), then the resource server with it. */
async function callProtected() {
	const output = document.querySelector("#protected-result");
	output.dataset.tokenStatus = "";
	output.dataset.protectedStatus = "";
	const token = await api("/token");
	output.dataset.tokenStatus = String(token.status);
	if (!token.ok) {
		output.textContent = `GET /token → ${token.status}: ${token.data?.code ?? ""} ${token.data?.message ?? ""}\nNo JWT, so the resource server is not called.`;
		return;
	}
	state.lastJwt = token.data.token;
	const claims = JSON.parse(atob(state.lastJwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
	if (!config.resourceServerUrl) {
		output.textContent = `JWT for ${claims.sub}; no resource server configured.`;
		return;
	}
	let response;
	try {
		response = await fetch(`${config.resourceServerUrl}/protected`, { headers: { authorization: `Bearer ${state.lastJwt}` } });
	} catch (error) {
		output.dataset.protectedStatus = "0";
		output.textContent = `resource server unreachable: ${error.message}`;
		return;
	}
	output.dataset.protectedStatus = String(response.status);
	const body = response.ok ? await response.json() : null;
	output.dataset.sub = body?.sub ?? "";
	output.textContent =
		`GET /token → 200: JWT (sub ${claims.sub}, expires ${new Date(claims.exp * 1000).toLocaleTimeString()})\n` +
		`GET ${config.resourceServerUrl}/protected → ${response.status}` +
		(body ? `\n${JSON.stringify(body, null, 2)}` : `: ${response.headers.get("www-authenticate") ?? ""}`);
}

async function listSessions() {
	const result = await api("/list-sessions");
	const list = document.querySelector("#sessions");
	list.replaceChildren();
	if (!result.ok) {
		list.dataset.count = "";
		return;
	}
	for (const session of result.data) {
		const item = document.createElement("li");
		const current = session.id === state.session?.session.id;
		item.textContent = `${current ? "this device · " : ""}since ${new Date(session.createdAt).toLocaleString()} · ${session.userAgent ?? "unknown agent"} `;
		if (!current) {
			const revoke = document.createElement("button");
			revoke.type = "button";
			revoke.textContent = "Revoke";
			revoke.addEventListener("click", () => run(async () => {
				await api("/revoke-session", { method: "POST", body: { id: session.id } });
				await listSessions();
			}));
			item.append(revoke);
		}
		list.append(item);
	}
	list.dataset.count = String(result.data.length);
}

async function revokeOthers() {
	await api("/revoke-other-sessions", { method: "POST", body: {} });
	await listSessions();
}

/** Runs one user action; body[data-completed] counts finished actions (tests wait on it). */
async function run(action) {
	try {
		await action();
	} finally {
		document.body.dataset.completed = String(Number(document.body.dataset.completed) + 1);
	}
}

function onSubmit(selector, handler) {
	document.querySelector(selector).addEventListener("submit", (event) => {
		event.preventDefault();
		run(() => handler(event.target));
	});
}

onSubmit("#sign-up-form", signUp);
onSubmit("#sign-in-form", signIn);
onSubmit("#forgot-form", requestReset);
onSubmit("#reset-form", resetPassword);
document.querySelector("#send-verification").addEventListener("click", () => run(sendVerification));
document.querySelector("#sign-out").addEventListener("click", () => run(signOut));
document.querySelector("#refresh").addEventListener("click", () => run(refreshSession));
document.querySelector("#call-protected").addEventListener("click", () => run(callProtected));
document.querySelector("#list-sessions").addEventListener("click", () => run(listSessions));
document.querySelector("#revoke-others").addEventListener("click", () => run(revokeOthers));
const secondFactors = setUpSecondFactors({ api, run, afterCredentials, refreshSession });
const organizations = setUpOrganizations({ api, run, refreshSession, pageUrl, getSession: () => state.session });
const waysIn = setUpWaysIn({ api, run, afterCredentials, pageUrl, render });
const apiKeys = setUpApiKeys({ api, run, getSession: () => state.session });
// Loading the page is one action (tests wait for body[data-completed] to reach 1 before they act).
await run(async () => {
	await refreshSession();
	await loadSocialProviders();
	showReturnFromSignIn();
});
