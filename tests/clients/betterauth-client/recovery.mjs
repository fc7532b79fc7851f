// Drives password reset, email verification and change of email with BetterAuth's own JavaScript client
// (better-auth/client 1.7.25, unchanged), reading the mail from a MailDev inbox as a user would.
//
//   node recovery.mjs <auth base URL> <MailDev web URL, e.g. http://127.0.0.1:1080>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";

const [baseURL, inboxURL] = process.argv.slice(2);
if (!baseURL || !inboxURL) {
	console.error("usage: node recovery.mjs <base URL> <MailDev web URL>");
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
	return createAuthClient({ baseURL, fetchOptions: { customFetchImpl } });
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

/** The link in the newest mail to `to` whose link contains `part`, waiting up to 30 s. */
async function linkInMail(to, part, seen) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${inboxURL}/api/email`)).json();
		for (const mail of mails.reverse()) {
			if (seen.has(mail.id) || !mail.envelope.to.some((t) => t.address === to)) continue;
			const link = (mail.text.match(/https?:\/\/\S+/g) || []).find((l) => l.includes(part));
			if (link) {
				seen.add(mail.id);
				return new URL(link);
			}
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail with a ${part} link arrived for ${to}`);
}

const seen = new Set();
const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
const email = `recovery-${stamp}@example.com`;
const newEmail = `recovery-new-${stamp}@example.com`;
const password = "correct horse battery staple";
const newPassword = "an entirely new passphrase";
const a = newClient();

const signUp = await a.signUp.email({ name: "Recovery Check", email, password });
check("signUp.email", !signUp.error, show(signUp));

// Email verification
const sent = await a.sendVerificationEmail({ email, callbackURL: "/" });
check("sendVerificationEmail returns {status: true}", !sent.error && sent.data?.status === true, show(sent));
const verifyLink = await linkInMail(email, "/verify-email", seen);
const verified = await a.verifyEmail({ query: { token: verifyLink.searchParams.get("token") } });
check("verifyEmail with the mailed token returns {status: true}", !verified.error && verified.data?.status === true, show(verified));
// The first proof of the address ends the sessions begun before it (docs/adr/0111); sign in again.
const endedByProof = await a.getSession({ query: { disableCookieCache: true } });
check("verifying a never-verified address ended the sign-up session (null)", !endedByProof.error && endedByProof.data === null, show(endedByProof));
const signedInAgain = await a.signIn.email({ email, password });
check("signIn.email after verification", !signedInAgain.error, show(signedInAgain));
const afterVerify = await a.getSession({ query: { disableCookieCache: true } });
check("the user is now verified", afterVerify.data?.user.emailVerified === true, show(afterVerify));
const again = await a.verifyEmail({ query: { token: verifyLink.searchParams.get("token") } });
check("the same token a second time is an error INVALID_TOKEN", again.error?.code === "INVALID_TOKEN", show(again));

// Change of email
const change = await a.changeEmail({ newEmail, callbackURL: "/" });
check("changeEmail returns {status: true}", !change.error && change.data?.status === true, show(change));
const changeLink = await linkInMail(newEmail, "/verify-email", seen);
const changed = await a.verifyEmail({ query: { token: changeLink.searchParams.get("token") } });
check("verifyEmail with the link sent to the new address", !changed.error && changed.data?.status === true, show(changed));
const afterChange = await a.getSession({ query: { disableCookieCache: true } });
check("the session's user now has the new address", afterChange.data?.user.email === newEmail, show(afterChange));

// Password reset
const requested = await a.requestPasswordReset({ email: newEmail, redirectTo: "/reset-password" });
check("requestPasswordReset returns {status: true, message}", !requested.error && requested.data?.status === true && typeof requested.data.message === "string", show(requested));
const unknown = await a.requestPasswordReset({ email: `nobody-${stamp}@example.com`, redirectTo: "/reset-password" });
check("an unknown address gets the same answer", JSON.stringify(unknown.data) === JSON.stringify(requested.data), show(unknown));
const resetLink = await linkInMail(newEmail, "/reset-password/", seen);
const forwarded = await fetch(resetLink, { redirect: "manual" });
const resetToken = new URL(forwarded.headers.get("location")).searchParams.get("token");
check("the mailed link forwards the token to the reset page", forwarded.status === 302 && !!resetToken, `${forwarded.status} ${forwarded.headers.get("location")}`);
const reset = await a.resetPassword({ newPassword, token: resetToken });
check("resetPassword returns {status: true}", !reset.error && reset.data?.status === true, show(reset));
const ended = await a.getSession({ query: { disableCookieCache: true } });
check("the reset ended this session (null)", !ended.error && ended.data === null, show(ended));
const oldPassword = await a.signIn.email({ email: newEmail, password });
check("the old password no longer signs in", oldPassword.error?.status === 401, show(oldPassword));
const signIn = await a.signIn.email({ email: newEmail, password: newPassword });
check("the new password signs in", !signIn.error && signIn.data?.user.email === newEmail, show(signIn));
const reused = await a.resetPassword({ newPassword: "yet another passphrase 9", token: resetToken });
check("the used reset token is an error INVALID_TOKEN", reused.error?.code === "INVALID_TOKEN", show(reused));

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
