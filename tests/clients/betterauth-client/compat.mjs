// Drives AuthPlatform with BetterAuth's own JavaScript client (better-auth/client 1.7.25, unchanged,
// with its jwtClient plugin) and checks that every call succeeds and returns the shapes the client's
// types promise (Date objects for timestamps, the fields of User and Session, a JWT from token()).
//
//   node compat.mjs <auth base URL, e.g. http://127.0.0.1:5000>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { jwtClient } from "better-auth/client/plugins";

const baseURL = process.argv[2];
if (!baseURL) {
	console.error("usage: node compat.mjs <base URL>");
	process.exit(2);
}
const origin = new URL(baseURL).origin;

// Node's fetch keeps no cookies; a browser would. This jar stores what Set-Cookie says (Max-Age=0
// deletes) and sends it back, and adds the Origin header a browser adds to every POST.
function browserLikeFetch() {
	const jar = new Map();
	const fetchImpl = async (input, init = {}) => {
		const headers = new Headers(init.headers || {});
		if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
		headers.set("origin", origin);
		const response = await fetch(input, { ...init, headers });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(";");
			const at = pair.indexOf("=");
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1);
			const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith("max-age="));
			if (value === "" || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(name);
			else jar.set(name, value);
		}
		return response;
	};
	return { fetchImpl, jar };
}

function newClient() {
	const { fetchImpl, jar } = browserLikeFetch();
	const client = createAuthClient({ baseURL, plugins: [jwtClient()], fetchOptions: { customFetchImpl: fetchImpl } });
	return { client, jar };
}

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${detail}`);
	}
}
const isDate = (v) => v instanceof Date && !Number.isNaN(v.getTime());
const userShape = (u) =>
	u && typeof u.id === "string" && typeof u.name === "string" && typeof u.email === "string" &&
	typeof u.emailVerified === "boolean" && "image" in u && isDate(u.createdAt) && isDate(u.updatedAt);
const sessionShape = (s) =>
	s && typeof s.id === "string" && typeof s.userId === "string" && isDate(s.expiresAt) &&
	isDate(s.createdAt) && isDate(s.updatedAt) && "ipAddress" in s && "userAgent" in s;
const show = (r) => JSON.stringify({ error: r.error, data: r.data });

const email = `client-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const password = "correct horse battery staple";
const newPassword = "an entirely new passphrase";
const { client: a } = newClient();
const { client: b } = newClient();

const signUp = await a.signUp.email({ name: "Client Check", email, password });
check("signUp.email returns {token, user}", !signUp.error && typeof signUp.data?.token === "string" && userShape(signUp.data.user), show(signUp));

const out1 = await a.signOut();
check("signOut returns {success: true}", !out1.error && out1.data?.success === true, show(out1));

const signIn = await a.signIn.email({ email, password });
check("signIn.email returns {redirect: false, token, user}", !signIn.error && signIn.data?.redirect === false && typeof signIn.data.token === "string" && userShape(signIn.data.user), show(signIn));

const wrong = await b.signIn.email({ email, password: "not the password" });
check("a wrong password is error 401 INVALID_EMAIL_OR_PASSWORD", wrong.data === null && wrong.error?.status === 401 && wrong.error?.code === "INVALID_EMAIL_OR_PASSWORD", show(wrong));

const session = await a.getSession();
check("getSession returns {session, user} with Date timestamps", !session.error && sessionShape(session.data?.session) && userShape(session.data?.user) && session.data.user.email === email, show(session));

const token = await a.token();
const jwtParts = typeof token.data?.token === "string" ? token.data.token.split(".") : [];
const jwtHeader = jwtParts.length === 3 ? JSON.parse(Buffer.from(jwtParts[0], "base64url").toString()) : {};
const jwtPayload = jwtParts.length === 3 ? JSON.parse(Buffer.from(jwtParts[1], "base64url").toString()) : {};
check("token returns a JWT for the signed-in user", !token.error && jwtParts.length === 3 && jwtHeader.typ === "at+jwt" && jwtPayload.sub === session.data?.user.id, show(token));

const jwks = await a.jwks();
check("jwks lists the key that signed the token", !jwks.error && Array.isArray(jwks.data?.keys) && jwks.data.keys.some((k) => k.kid === jwtHeader.kid), show(jwks));

const signInB = await b.signIn.email({ email, password });
check("a second device signs in", !signInB.error && typeof signInB.data?.token === "string", show(signInB));

const sessions = await a.listSessions();
check("listSessions returns both sessions, without tokens", !sessions.error && Array.isArray(sessions.data) && sessions.data.length >= 2 && sessions.data.every(sessionShape) && sessions.data.every((s) => !("token" in s) || s.token === undefined), show(sessions));

const revoke = await a.revokeOtherSessions();
check("revokeOtherSessions returns {status: true}", !revoke.error && revoke.data?.status === true, show(revoke));
const bAfter = await b.getSession();
check("the other device's session is gone (null)", !bAfter.error && bAfter.data === null, show(bAfter));
const aAfter = await a.getSession();
check("this device's session still works", !aAfter.error && aAfter.data?.user.email === email, show(aAfter));

const change = await a.changePassword({ currentPassword: password, newPassword, revokeOtherSessions: true });
check("changePassword returns {token, user}", !change.error && typeof change.data?.token === "string" && userShape(change.data.user), show(change));
const stillIn = await a.getSession();
check("after changePassword this device is still signed in", !stillIn.error && stillIn.data?.user.email === email, show(stillIn));

const oldPassword = await b.signIn.email({ email, password });
check("the old password no longer signs in", oldPassword.error?.status === 401, show(oldPassword));
const newPasswordSignIn = await b.signIn.email({ email, password: newPassword });
check("the new password signs in", !newPasswordSignIn.error && newPasswordSignIn.data?.user.email === email, show(newPasswordSignIn));

const out2 = await a.signOut();
check("signOut after all that", !out2.error && out2.data?.success === true, show(out2));
const gone = await a.getSession();
check("getSession after sign-out is null", !gone.error && gone.data === null, show(gone));

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
