// The demo frontend's passwordless ways in and API keys in Debian's Chromium (playwright-core, never a browser
// download), same-site on localhost, mail read from MailDev's inbox as a user reads it. One flow per run:
//   magic-link     the email form, "check your mail", the mailed link opened in the browser: signed in; the same
//                  link in another browser lands on the page's error with the service's code
//   email-code     the email form, the code page: a wrong code, the attempts spent, a new code: signed in
//   second-factor  a user turns TOTP on in the page, then signs in by magic link (lands on the second-factor
//                  prompt, a TOTP code finishes it) and by code (the prompt again, a backup code finishes it)
//   api-keys       sign up with a username, sign in with it, create keys (shown once, copied), the key on
//                  get-session in x-api-key, rename and disable, delete
// Reports one JSON object on stdout; the xunit test decides what is right.
//
//   node ways-in.mjs < scenario.json
// scenario: { flow, frontendUrl, apiUrl, hostRules, email, password, username?, inboxUrl, screenshots: {...} }
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const TIMEOUT = 30_000;
const seenMail = new Set();

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync",
		...(scenario.hostRules?.length ? [`--host-resolver-rules=${scenario.hostRules.join(",")}`] : [])],
	timeout: 60_000,
});
try {
	const flows = { "magic-link": magicLink, "email-code": emailCode, "second-factor": secondFactor, "api-keys": apiKeys };
	await flows[scenario.flow]();
} catch (error) {
	report.error = String(error?.stack ?? error);
} finally {
	await browser.close();
}
console.log(JSON.stringify(report));

async function magicLink() {
	const page = await openPage();
	await askByMail(page, "#send-magic-link");
	await page.waitForSelector("#magic-link-sent:not([hidden])");
	step("link sent", { ...(await views(page)), address: await page.textContent("#magic-link-sent .pending-address") });
	await screenshot(page, scenario.screenshots?.linkSent);

	const link = await mailed(scenario.email, /https?:\/\/\S+\/magic-link\/verify\?\S+/);
	step("mail", { link });
	await page.goto(link, { waitUntil: "load" });
	await waitForActions(page, 1);
	step("link followed", { url: page.url(), status: await status(page), verifyCardHidden: await page.isHidden("#verify-email"), ...(await views(page)) });

	const other = await openPage();
	await other.goto(link, { waitUntil: "load" });
	await waitForActions(other, 1);
	step("link again elsewhere", { url: other.url(), status: await status(other), hint: await other.textContent("#hint") });
}

async function emailCode() {
	const page = await openPage();
	await askByMail(page, "#send-code");
	await page.waitForSelector("#code-entry:not([hidden])");
	step("code sent", { ...(await views(page)), address: await page.textContent("#code-entry .pending-address") });
	const code = await mailed(scenario.email, /^\s*(\d{6})\s*$/m);
	const wrong = code === "000000" ? "111111" : "000000";

	await enterCode(page, wrong);
	step("wrong code", await codeError(page));
	await screenshot(page, scenario.screenshots?.codeEntry);
	await enterCode(page, wrong);
	await enterCode(page, wrong);
	await enterCode(page, code);
	step("right code after the attempts", { ...(await codeError(page)), status: await status(page) });

	await act(page, () => page.click("#code-entry .send-again"));
	step("sent again", { resent: await page.getAttribute("#code-resent", "data-sent"), ...(await codeError(page)) });
	const fresh = await mailed(scenario.email, /^\s*(\d{6})\s*$/m);
	await enterCode(page, fresh);
	step("signed in", { status: await status(page), ...(await views(page)), verifyCardHidden: await page.isHidden("#verify-email") });
}

async function secondFactor() {
	const page = await openPage();
	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.email);
		await page.fill("#sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in");
	});
	await act(page, async () => {
		await page.fill("#two-factor-setup-form [name=password]", scenario.password);
		await page.click("#set-up-two-factor");
	});
	const key = base32Decode(new URL(await page.textContent("#totp-uri")).searchParams.get("secret"));
	const backupCodes = await page.$$eval("#backup-codes li", (items) => items.map((i) => i.textContent));
	const now = Date.now() / 1000;
	await act(page, async () => {
		await page.fill("#totp-confirm-form [name=code]", totp(key, now));
		await page.click("#confirm-two-factor");
	});
	step("two-factor on", { state: await page.textContent("#two-factor-state"), backupCodes: backupCodes.length });
	await act(page, () => page.click("#sign-out"));

	// By magic link: the link lands on the page with ?twoFactorRedirect=true; no session until the code.
	await askByMail(page, "#send-magic-link");
	await page.goto(await mailed(scenario.email, /https?:\/\/\S+\/magic-link\/verify\?\S+/), { waitUntil: "load" });
	await waitForActions(page, 1);
	step("link followed", { url: page.url(), status: await status(page), prompt: await page.isVisible("#two-factor-prompt") });
	await act(page, async () => {
		await page.fill("#two-factor-form [name=code]", totp(key, now + 30)); // the next step: a used code is refused
		await page.click("#verify-second-factor");
	});
	step("second factor by link", { status: await status(page), prompt: await page.isVisible("#two-factor-prompt") });
	await act(page, () => page.click("#sign-out"));

	// By code: the code is accepted, then the same prompt (app.js's afterCredentials, shared with the password).
	await askByMail(page, "#send-code");
	await page.waitForSelector("#code-entry:not([hidden])");
	await enterCode(page, await mailed(scenario.email, /^\s*(\d{6})\s*$/m));
	step("code accepted", { status: await status(page), prompt: await page.isVisible("#two-factor-prompt"), ...(await views(page)) });
	await act(page, async () => {
		await page.fill("#two-factor-form [name=code]", backupCodes[0]);
		await page.click("#verify-second-factor");
	});
	step("second factor by code", { status: await status(page), prompt: await page.isVisible("#two-factor-prompt") });
}

async function apiKeys() {
	const page = await openPage();
	await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(scenario.frontendUrl).origin });
	await act(page, async () => {
		await page.fill("#sign-up-form [name=name]", "Kay Keys");
		await page.fill("#sign-up-form [name=email]", scenario.email);
		await page.fill("#sign-up-form [name=password]", scenario.password);
		await page.fill("#sign-up-form [name=username]", scenario.username);
		await page.click("#sign-up");
	});
	step("signed up", { status: await status(page) });
	await act(page, () => page.click("#sign-out"));
	await act(page, async () => {
		await page.fill("#username-sign-in-form [name=username]", scenario.username);
		await page.fill("#username-sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in-username");
	});
	step("signed in with username", { status: await status(page), card: await page.isVisible("#api-keys-card") });

	const key = await createKey(page, "build server", "ci_", "2592000");
	step("key shown", {
		length: key.length,
		visible: await page.isVisible("#new-api-key"),
		warning: await page.textContent("#new-api-key p"),
		listed: await keyRows(page),
	});
	await act(page, () => page.click("#copy-api-key"));
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	step("copied", { same: copied === key, state: await page.textContent("#copy-state") });
	await page.locator("#api-keys-card").screenshot({ path: scenario.screenshots?.keyShown });
	step("key on get-session", await withKey(key));

	await page.click("#dismiss-api-key");
	step("dismissed", { visible: await page.isVisible("#new-api-key"), value: await page.textContent("#new-api-key-value") });
	await createKey(page, "nightly backup", "", "");
	await page.click("#dismiss-api-key");
	step("listed", { rows: await keyRows(page), count: await page.getAttribute("#api-keys", "data-count") });
	await page.locator("#api-keys-card").screenshot({ path: scenario.screenshots?.keyList });

	const row = page.locator('#api-keys tbody tr[data-name="build server"]');
	await row.locator("input.key-name").fill("ci runner");
	await row.locator("input.key-enabled").uncheck();
	await act(page, () => row.locator("button.save-key").click());
	step("renamed and disabled", { rows: await keyRows(page), state: await page.textContent("#api-key-state"), ...(await withKey(key)) });

	const renamed = page.locator('#api-keys tbody tr[data-name="ci runner"]');
	await act(page, () => renamed.locator("button.delete-key").click());
	step("deleted", { rows: await keyRows(page), state: await page.textContent("#api-key-state"), ...(await withKey(key)) });
}

async function createKey(page, name, prefix, expiresIn) {
	await act(page, async () => {
		await page.fill("#create-api-key-form [name=name]", name);
		await page.fill("#create-api-key-form [name=prefix]", prefix);
		await page.selectOption("#create-api-key-form [name=expiresIn]", expiresIn);
		await page.click("#create-api-key");
	});
	return (await page.textContent("#new-api-key-value")).trim();
}

/** What the page lists: "name|prefix|key start|expires|uses left|enabled", one per key. */
function keyRows(page) {
	return page.$$eval("#api-keys tbody tr", (rows) => rows.map((row) => [...row.cells].slice(0, 6)
		.map((cell) => cell.querySelector("input[type=checkbox]")?.checked.toString() ?? cell.querySelector("input")?.value ?? cell.textContent).join("|")));
}

/** get-session as a program calls it: the key in x-api-key, no cookie, not from the page. */
async function withKey(key) {
	const response = await fetch(`${scenario.apiUrl}/api/auth/get-session`, { headers: { "x-api-key": key } });
	const text = await response.text();
	const body = JSON.parse(text || "null");
	return { keyStatus: String(response.status), keyUser: body?.user?.email ?? "", keyBody: text.slice(0, 200) };
}

async function openPage() {
	const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	await page.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(page, 1);
	return page;
}

async function askByMail(page, button) {
	await act(page, async () => {
		await page.fill("#email-way-form [name=email]", scenario.email);
		await page.click(button);
	});
}

async function enterCode(page, code) {
	await act(page, async () => {
		await page.fill("#code-form [name=otp]", code);
		await page.click("#sign-in-code");
	});
}

async function codeError(page) {
	return { error: await page.getAttribute("#code-error", "data-code"), text: await page.textContent("#code-error") };
}

/** Which cards show: the sign-in forms, "check your mail", "enter your code". */
async function views(page) {
	return {
		signInForms: await page.isVisible("#signed-out"),
		linkSent: await page.isVisible("#magic-link-sent"),
		codeEntry: await page.isVisible("#code-entry"),
	};
}

async function screenshot(page, path) {
	if (!path) return;
	await page.screenshot({ path });
	(report.screenshots ??= []).push(path);
}

/** The first group (or the match) of `pattern` in the newest unread mail to `to`, from MailDev's REST API. */
async function mailed(to, pattern) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${scenario.inboxUrl}/api/email`)).json();
		for (const mail of mails.reverse()) {
			if (seenMail.has(mail.id) || !mail.envelope.to.some((t) => t.address === to)) continue;
			const match = mail.text.match(pattern);
			if (match) {
				seenMail.add(mail.id);
				return match[1] ?? match[0];
			}
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail matching ${pattern} arrived for ${to}`);
}

function base32Decode(text) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	let bits = "";
	for (const c of text.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
	return Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
}

/** RFC 6238, computed here independently of the service: HMAC-SHA1 over the 30-second step, 6 digits. */
function totp(key, seconds) {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
	const mac = createHmac("sha1", key).update(counter).digest();
	const offset = mac[mac.length - 1] & 0x0f;
	return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

async function act(page, action) {
	const before = Number(await page.getAttribute("body", "data-completed"));
	await action();
	await waitForActions(page, before + 1);
}

function waitForActions(page, count) {
	return page.waitForFunction((n) => Number(document.body.dataset.completed) >= n, count, { timeout: TIMEOUT });
}

async function status(page) {
	return (await page.textContent("#session-status")).trim();
}
