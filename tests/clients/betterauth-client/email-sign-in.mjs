// Drives magic-link and email one-time-code sign-in with BetterAuth's own JavaScript client and its
// plugins magicLinkClient and emailOTPClient (better-auth 1.7.25, unchanged), reading the mail from a
// MailDev inbox as a user would.
//
//   node email-sign-in.mjs <auth base URL> <MailDev web URL, e.g. http://127.0.0.1:1080>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { emailOTPClient, magicLinkClient } from "better-auth/client/plugins";

const [baseURL, inboxURL] = process.argv.slice(2);
if (!baseURL || !inboxURL) {
	console.error("usage: node email-sign-in.mjs <base URL> <MailDev web URL>");
	process.exit(2);
}
const origin = new URL(baseURL).origin;

// A cookie jar and the Origin header, as a browser would keep and send them (see compat.mjs).
function newClient() {
	const jar = new Map();
	const customFetchImpl = async (input, init = {}) => {
		const headers = new Headers(init.headers || {});
		if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
		headers.set("origin", origin);
		const response = await fetch(input, { ...init, headers, redirect: "manual" });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(";");
			const at = pair.indexOf("=");
			const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith("max-age="));
			if (pair.slice(at + 1) === "" || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(pair.slice(0, at).trim());
			else jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
		}
		return response;
	};
	return createAuthClient({ baseURL, plugins: [magicLinkClient(), emailOTPClient()], fetchOptions: { customFetchImpl } });
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

/** The text of the newest unseen mail to `to` matching `pattern`, waiting up to 30 s; returns the first match. */
async function fromMail(to, pattern, seen) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${inboxURL}/api/email`)).json();
		for (const mail of mails.reverse()) {
			if (seen.has(mail.id) || !mail.envelope.to.some((t) => t.address === to)) continue;
			const match = mail.text.match(pattern);
			if (match) {
				seen.add(mail.id);
				return match[1] ?? match[0];
			}
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail matching ${pattern} arrived for ${to}`);
}
const linkIn = async (to, seen) => new URL(await fromMail(to, /https?:\/\/\S+\/magic-link\/verify\S+/, seen));
// The code stands alone on its line (the address above it may hold digits too).
const codeIn = (to, seen) => fromMail(to, /^\s*(\d{6})\s*$/m, seen);

const seen = new Set();
const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const email = `email-sign-in-${stamp}@example.com`;
const password = "correct horse battery staple";
const newPassword = "an entirely new passphrase";

// Magic link: a new address is signed up by its link; the link works once.
const a = newClient();
const asked = await a.signIn.magicLink({ email, name: "Magic Check", callbackURL: "/dashboard" });
check("signIn.magicLink returns {status: true}", !asked.error && asked.data?.status === true, show(asked));
const unknown = await a.signIn.magicLink({ email: `nobody-${stamp}@example.com`, callbackURL: "/dashboard" });
check("another address gets the same answer", JSON.stringify(unknown.data) === JSON.stringify(asked.data), show(unknown));
const link = await linkIn(email, seen);
const token = link.searchParams.get("token");
const verified = await a.magicLink.verify({ query: { token } });
check("magicLink.verify returns the session and the user", !verified.error && verified.data?.user?.email === email && !!verified.data?.token, show(verified));
const session = await a.getSession({ query: { disableCookieCache: true } });
check("the link signed the new user in, verified", session.data?.user.email === email && session.data.user.emailVerified === true && session.data.user.name === "Magic Check", show(session));
const reused = await fetch(link, { redirect: "manual" });
check("the link a second time redirects with error=INVALID_TOKEN", reused.status === 302 && new URL(reused.headers.get("location")).searchParams.get("error") === "INVALID_TOKEN", `${reused.status} ${reused.headers.get("location")}`);

// Email code: sign in, check, verify, reset.
const b = newClient();
const sent = await b.emailOtp.sendVerificationOtp({ email, type: "sign-in" });
check("emailOtp.sendVerificationOtp returns {success: true}", !sent.error && sent.data?.success === true, show(sent));
const code = await codeIn(email, seen);
const wrong = await b.signIn.emailOtp({ email, otp: code === "000000" ? "111111" : "000000" });
check("a wrong code is an error INVALID_OTP (400)", wrong.error?.code === "INVALID_OTP" && wrong.error.status === 400, show(wrong));
const signedIn = await b.signIn.emailOtp({ email, otp: code });
check("signIn.emailOtp returns the token and the user", !signedIn.error && signedIn.data?.user?.email === email && !!signedIn.data?.token, show(signedIn));
const bSession = await b.getSession({ query: { disableCookieCache: true } });
check("the code signed in", bSession.data?.user.email === email, show(bSession));
const usedCode = await b.signIn.emailOtp({ email, otp: code });
check("the code a second time is an error INVALID_OTP", usedCode.error?.code === "INVALID_OTP", show(usedCode));

const resetAsked = await b.emailOtp.requestPasswordReset({ email });
check("emailOtp.requestPasswordReset returns {success: true}", !resetAsked.error && resetAsked.data?.success === true, show(resetAsked));
const resetCode = await codeIn(email, seen);
const checked = await b.emailOtp.checkVerificationOtp({ email, type: "forget-password", otp: resetCode });
check("emailOtp.checkVerificationOtp returns {success: true}", !checked.error && checked.data?.success === true, show(checked));
const reset = await b.emailOtp.resetPassword({ email, otp: resetCode, password: newPassword });
check("emailOtp.resetPassword returns {success: true}", !reset.error && reset.data?.success === true, show(reset));
const ended = await b.getSession({ query: { disableCookieCache: true } });
check("the reset ended this session (null)", !ended.error && ended.data === null, show(ended));
const withNew = await b.signIn.email({ email, password: newPassword });
check("the new password signs in", !withNew.error && withNew.data?.user.email === email, show(withNew));

// Verification by code, for an account that signed up with a password.
const c = newClient();
const other = `email-verify-${stamp}@example.com`;
const signUp = await c.signUp.email({ name: "Verify Check", email: other, password });
check("signUp.email", !signUp.error, show(signUp));
await c.emailOtp.sendVerificationOtp({ email: other, type: "email-verification" });
const verifyCode = await codeIn(other, seen);
const emailVerified = await c.emailOtp.verifyEmail({ email: other, otp: verifyCode });
check("emailOtp.verifyEmail returns {status: true, user}", !emailVerified.error && emailVerified.data?.status === true && emailVerified.data.user?.emailVerified === true, show(emailVerified));

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
