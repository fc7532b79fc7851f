// Drives sign-in with an identity provider, linking and unlinking with BetterAuth's own JavaScript client
// (better-auth/client 1.7.25, unchanged) against a real OpenID Connect provider (tests/oidc-provider),
// which the service knows under two provider ids, "test" and "second".
//
//   node social.mjs <auth base URL> <provider issuer, e.g. http://127.0.0.1:4000> <email of a password user with a verified address>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
//
// What a browser does between the client's calls is done here by hand: signIn.social / linkSocial answer
// the provider's authorization URL; the script follows it at the provider (its own cookies, redirects one
// at a time), signs in there as an account with the claims it chooses (the provider's non-interactive
// login, /interaction/:uid/login?sub&email&email_verified), and goes to the service's callback with the
// service's cookies, as the browser's navigation would.
import { createAuthClient } from "better-auth/client";

const [baseURL, issuer, linkingEmail] = process.argv.slice(2);
if (!baseURL || !issuer || !linkingEmail) {
	console.error("usage: node social.mjs <base URL> <provider issuer> <linking user's email>");
	process.exit(2);
}
const origin = new URL(baseURL).origin;
const issuerOrigin = new URL(issuer).origin;

function storeCookies(jar, response) {
	for (const line of response.headers.getSetCookie()) {
		const [pair, ...attributes] = line.split(";");
		const at = pair.indexOf("=");
		const name = pair.slice(0, at).trim();
		const value = pair.slice(at + 1);
		const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith("max-age="));
		if (value === "" || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(name);
		else jar.set(name, value);
	}
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

// A browser at the service: a cookie jar, the Origin header on the client's calls (see compat.mjs), and
// navigate() for the top-level GET the provider's redirect causes (cookies, no Origin, redirects not followed).
function newBrowser() {
	const jar = new Map();
	const customFetchImpl = async (input, init = {}) => {
		const headers = new Headers(init.headers || {});
		if (jar.size) headers.set("cookie", cookieHeader(jar));
		headers.set("origin", origin);
		const response = await fetch(input, { ...init, headers, redirect: "manual" });
		storeCookies(jar, response);
		return response;
	};
	const navigate = async (url) => {
		const response = await fetch(url, { headers: jar.size ? { cookie: cookieHeader(jar) } : {}, redirect: "manual" });
		storeCookies(jar, response);
		return response;
	};
	return { client: createAuthClient({ baseURL, fetchOptions: { customFetchImpl } }), jar, navigate };
}

/** Follows the authorization URL at the provider, signs in as `account` there, and returns the URL it sends the browser to. */
async function atProvider(authorizationURL, account) {
	const jar = new Map();
	let next = new URL(authorizationURL);
	for (let hop = 0; hop < 10; hop++) {
		if (next.origin !== issuerOrigin) return next;
		let target = next;
		if (/^\/interaction\/[^/]+$/.test(next.pathname)) {
			target = new URL(`${next.pathname}/login`, next);
			target.searchParams.set("sub", account.sub);
			target.searchParams.set("email", account.email);
			target.searchParams.set("email_verified", String(account.emailVerified));
			if (account.name) target.searchParams.set("name", account.name);
		}
		const response = await fetch(target, { headers: jar.size ? { cookie: cookieHeader(jar) } : {}, redirect: "manual" });
		storeCookies(jar, response);
		const location = response.headers.get("location");
		if (response.status < 300 || response.status >= 400 || !location) {
			throw new Error(`the provider answered ${response.status} at ${target}: ${await response.text()}`);
		}
		next = new URL(location, target);
	}
	throw new Error("too many redirects at the provider");
}

/** The provider's redirect back to the service's callback, and where the callback sends the browser. */
async function backAtService(browser, callback) {
	const response = await browser.navigate(callback);
	const location = response.headers.get("location");
	return { callback, status: response.status, location: location ? new URL(location, callback) : null };
}

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${detail}`);
	}
}
const show = (r) => JSON.stringify({ error: r.error, data: r.data });
const endsAt = (back, path) => back.status === 302 && back.location?.origin === origin && back.location.pathname === path;

const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const socialEmail = `social-${stamp}@example.com`;
const socialAccount = { sub: `sub-social-${stamp}`, email: socialEmail, emailVerified: true, name: "Social Check" };

// The provider list behind the sign-in buttons
const listed = await (await fetch(`${baseURL}/api/auth/social-providers`)).json();
check("GET /social-providers lists both provider ids", JSON.stringify(listed.map((p) => p.id).sort()) === JSON.stringify(["second", "test"]), JSON.stringify(listed));

// A new user through the provider
const a = newBrowser();
const started = await a.client.signIn.social({ provider: "test", callbackURL: "/dashboard", errorCallbackURL: "/login-error", newUserCallbackURL: "/welcome" });
check("signIn.social returns {url, redirect: true}", !started.error && started.data?.redirect === true && typeof started.data.url === "string", show(started));
const authorizationURL = new URL(started.data?.url ?? "about:blank");
check("the url is the provider's authorization endpoint with PKCE S256, state and nonce",
	authorizationURL.origin === issuerOrigin && authorizationURL.searchParams.get("code_challenge_method") === "S256" &&
	!!authorizationURL.searchParams.get("state") && !!authorizationURL.searchParams.get("nonce") &&
	authorizationURL.searchParams.get("redirect_uri") === `${baseURL}/api/auth/callback/test`, authorizationURL.href);
check("the state cookie is set", a.jar.has("better-auth.state"), JSON.stringify([...a.jar.keys()]));
const first = await backAtService(a, await atProvider(authorizationURL, socialAccount));
check("the provider sends the browser back to /callback/test with code and state",
	first.callback.pathname === "/api/auth/callback/test" && first.callback.searchParams.has("code") && first.callback.searchParams.has("state"), first.callback.href);
check("the callback redirects a new user to newUserCallbackURL", endsAt(first, "/welcome"), `${first.status} ${first.location}`);
const session = await a.client.getSession();
check("getSession shows the provider's user", !session.error && session.data?.user.email === socialEmail && session.data.user.emailVerified === true && session.data.user.name === "Social Check", show(session));
const userId = session.data?.user.id;
const accounts = await a.client.listAccounts();
check("listAccounts shows the provider's account only", !accounts.error && accounts.data?.length === 1 && accounts.data[0].providerId === "test" && accounts.data[0].accountId === socialAccount.sub, show(accounts));
const out = await a.client.signOut();
check("signOut", !out.error && out.data?.success === true, show(out));
const none = await a.client.getSession();
check("getSession is null after signOut", !none.error && none.data === null, show(none));

// The same account again: the same user, to callbackURL; with disableRedirect
const again = await a.client.signIn.social({ provider: "test", callbackURL: "/dashboard", newUserCallbackURL: "/welcome", disableRedirect: true });
check("signIn.social with disableRedirect returns {url, redirect: false}", !again.error && again.data?.redirect === false && typeof again.data.url === "string", show(again));
const second = await backAtService(a, await atProvider(again.data.url, socialAccount));
check("a known user goes to callbackURL", endsAt(second, "/dashboard"), `${second.status} ${second.location}`);
const reused = await a.client.getSession();
check("the second sign-in is the same user", !reused.error && !!userId && reused.data?.user.id === userId, show(reused));

// A password user with a verified address (created by the test: linking needs one) links an account at
// the second provider id, signs in with it, and unlinks it
const b = newBrowser();
const bobEmail = linkingEmail;
const bobAccount = { sub: `sub-link-${stamp}`, email: bobEmail, emailVerified: true };
const signIn = await b.client.signIn.email({ email: bobEmail, password: "correct horse battery staple" });
check("signIn.email (a password user)", !signIn.error && !!signIn.data?.user.id, show(signIn));
const bobId = signIn.data?.user.id;
const link = await b.client.linkSocial({ provider: "second", callbackURL: "/settings", errorCallbackURL: "/link-error" });
check("linkSocial returns {url, redirect: true}", !link.error && link.data?.redirect === true && new URL(link.data.url).origin === issuerOrigin, show(link));
const linked = await backAtService(b, await atProvider(link.data.url, bobAccount));
check("the link's callback redirects to callbackURL", linked.callback.pathname === "/api/auth/callback/second" && endsAt(linked, "/settings"), `${linked.callback} -> ${linked.status} ${linked.location}`);
const bobSession = await b.client.getSession();
check("the password user's session goes on", !bobSession.error && bobSession.data?.user.id === bobId, show(bobSession));
const both = await b.client.listAccounts();
const providerIds = (both.data ?? []).map((x) => x.providerId);
check("listAccounts shows the password and the linked account", !both.error && JSON.stringify(providerIds) === JSON.stringify(["credential", "second"]) &&
	both.data[1].accountId === bobAccount.sub && both.data[1].scopes.includes("email"), show(both));

const c = newBrowser();
const viaLinked = await c.client.signIn.social({ provider: "second", callbackURL: "/dashboard", errorCallbackURL: "/login-error" });
const viaLinkedBack = await backAtService(c, await atProvider(viaLinked.data.url, bobAccount));
const cSession = await c.client.getSession();
check("the linked account signs in to the password user", endsAt(viaLinkedBack, "/dashboard") && cSession.data?.user.id === bobId, `${viaLinkedBack.location} ${show(cSession)}`);

const linkedRow = both.data?.find((x) => x.providerId === "second");
const unlinked = await b.client.unlinkAccount({ accountId: linkedRow?.id });
check("unlinkAccount removes the linked account ({status: true})", !unlinked.error && unlinked.data?.status === true, show(unlinked));
const after = await b.client.listAccounts();
check("listAccounts shows only the password again", !after.error && JSON.stringify((after.data ?? []).map((x) => x.providerId)) === JSON.stringify(["credential"]), show(after));
const last = await b.client.unlinkAccount({ accountId: after.data?.[0]?.id });
check("unlinking the last way to sign in is error 400 FAILED_TO_UNLINK_LAST_ACCOUNT", last.error?.status === 400 && last.error?.code === "FAILED_TO_UNLINK_LAST_ACCOUNT", show(last));

// Refusals: an unverified email of an existing user; linking another person's email
const d = newBrowser();
const takeover = await d.client.signIn.social({ provider: "test", callbackURL: "/dashboard", errorCallbackURL: "/login-error" });
const refused = await backAtService(d, await atProvider(takeover.data.url, { sub: `sub-other-${stamp}`, email: bobEmail, emailVerified: false }));
check("an unverified email of an existing user ends at errorCallbackURL?error=account_not_linked",
	endsAt(refused, "/login-error") && refused.location.searchParams.get("error") === "account_not_linked", `${refused.status} ${refused.location}`);
check("and sets no session cookie", ![...d.jar.keys()].some((k) => k.includes("session_token")), JSON.stringify([...d.jar.keys()]));
const noSession = await d.client.getSession();
check("getSession is null after the refusal", !noSession.error && noSession.data === null, show(noSession));

const wrongLink = await b.client.linkSocial({ provider: "test", callbackURL: "/settings", errorCallbackURL: "/link-error" });
const wrongBack = await backAtService(b, await atProvider(wrongLink.data.url, { sub: `sub-wrong-${stamp}`, email: `someone-else-${stamp}@example.com`, emailVerified: true }));
check("linking another person's email ends at errorCallbackURL?error=email_does_not_match",
	endsAt(wrongBack, "/link-error") && wrongBack.location.searchParams.get("error") === "email_does_not_match", `${wrongBack.status} ${wrongBack.location}`);
const unknown = await d.client.signIn.social({ provider: "nope", callbackURL: "/dashboard" });
check("an unknown provider is an error 404", unknown.error?.status === 404, show(unknown));

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
