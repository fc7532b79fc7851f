// Drives the TOTP second factor with BetterAuth's own client and its twoFactorClient plugin, unchanged:
// sign in (a user with a verified address, created by the test), twoFactor.enable, twoFactor.verifyTotp (enrolment), sign in (onTwoFactorRedirect fires),
// verifyTotp completes the sign-in, verifyBackupCode works once, generateBackupCodes, getTotpUri,
// disable. TOTP codes come from Node's crypto (RFC 6238 written out here), not from the service.
//
//   node two-factor.mjs <auth base URL>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createHmac } from "node:crypto";
import { createAuthClient } from "better-auth/client";
import { twoFactorClient } from "better-auth/client/plugins";

const baseURL = process.argv[2];
const origin = new URL(baseURL).origin;
const password = "correct horse battery staple";
const email = "two-factor-client@example.com";

function browserLikeFetch() {
	const jar = new Map();
	return async (input, init = {}) => {
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
}

let redirects = 0;
const client = createAuthClient({
	baseURL,
	plugins: [twoFactorClient({ onTwoFactorRedirect: () => { redirects++; } })],
	fetchOptions: { customFetchImpl: browserLikeFetch() },
});

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
	}
}

function base32Decode(text) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	let bits = "";
	for (const c of text.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
	return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}

/** RFC 6238: HMAC-SHA1 over the 8-byte big-endian step, dynamic truncation, 6 digits. */
function totp(key, seconds) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
	const mac = createHmac("sha1", key).update(counter).digest();
	const offset = mac[mac.length - 1] & 0x0f;
	return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

const now = Date.now() / 1000;
const enrolling = await client.signIn.email({ email, password });
check("signIn.email", !enrolling.error, enrolling.error);

const enabled = await client.twoFactor.enable({ password });
check("twoFactor.enable answers totpURI and 10 backup codes", enabled.data?.totpURI?.startsWith("otpauth://totp/") && enabled.data?.backupCodes?.length === 10, enabled);
const key = base32Decode(new URL(enabled.data.totpURI).searchParams.get("secret"));

const wrongPassword = await client.twoFactor.enable({ password: "not the password" });
check("twoFactor.enable with a wrong password is INVALID_PASSWORD", wrongPassword.error?.code === "INVALID_PASSWORD", wrongPassword);

const enrol = await client.twoFactor.verifyTotp({ code: totp(key, now) });
check("twoFactor.verifyTotp completes enrolment", !enrol.error && enrol.data?.user?.email === email, enrol);

const uri = await client.twoFactor.getTotpUri({ password });
check("twoFactor.getTotpUri answers the same secret", new URL(uri.data?.totpURI ?? "x:").searchParams.get("secret") === new URL(enabled.data.totpURI).searchParams.get("secret"), uri);

await client.signOut();
const signIn = await client.signIn.email({ email, password });
check("signIn.email answers twoFactorRedirect and fires onTwoFactorRedirect", signIn.data?.twoFactorRedirect === true && redirects === 1, signIn);
const noSession = await client.getSession();
check("no session before the second factor", noSession.data === null, noSession);

const wrong = await client.twoFactor.verifyTotp({ code: totp(key, now - 600) });
check("an expired code is INVALID_CODE", wrong.error?.code === "INVALID_CODE", wrong);
const verified = await client.twoFactor.verifyTotp({ code: totp(key, now + 30) });
check("twoFactor.verifyTotp completes the sign-in", !verified.error && typeof verified.data?.token === "string", verified);
const session = await client.getSession();
check("getSession after the second factor", session.data?.user?.email === email, session);

await client.signOut();
await client.signIn.email({ email, password });
const backup = await client.twoFactor.verifyBackupCode({ code: enabled.data.backupCodes[0] });
check("twoFactor.verifyBackupCode completes the sign-in", !backup.error && typeof backup.data?.token === "string", backup);
await client.signOut();
await client.signIn.email({ email, password });
const backupAgain = await client.twoFactor.verifyBackupCode({ code: enabled.data.backupCodes[0] });
check("a used backup code is INVALID_BACKUP_CODE", backupAgain.error?.code === "INVALID_BACKUP_CODE", backupAgain);
const backupNext = await client.twoFactor.verifyBackupCode({ code: enabled.data.backupCodes[1] });
check("the next backup code works", !backupNext.error, backupNext);

const codes = await client.twoFactor.generateBackupCodes({ password });
check("twoFactor.generateBackupCodes answers a new set", codes.data?.status === true && codes.data?.backupCodes?.length === 10, codes);
const disabled = await client.twoFactor.disable({ password });
check("twoFactor.disable", disabled.data?.status === true, disabled);
await client.signOut();
const plain = await client.signIn.email({ email, password });
check("after disable, sign-in starts a session at once", typeof plain.data?.token === "string" && !plain.data?.twoFactorRedirect, plain);

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
