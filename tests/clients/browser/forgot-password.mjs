// The demo frontend's forgot-password flow in Debian's Chromium (playwright-core, never a browser
// download): sign up, sign out, "Forgot password?", the mail from the MailDev inbox, its link back to the
// "Reset password" page, a new password, sign in with it. Reports one JSON object on stdout; the xunit
// test decides what is right.
//
//   node forgot-password.mjs < scenario.json
// scenario: { frontendUrl, hostRules, email, password, newPassword, inboxUrl, screenshot }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const TIMEOUT = 30_000;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--ignore-certificate-errors",
		...(scenario.hostRules?.length ? [`--host-resolver-rules=${scenario.hostRules.join(",")}`] : [])],
	timeout: 60_000,
});
try {
	await run();
} catch (error) {
	report.error = String(error?.stack ?? error);
} finally {
	await browser.close();
}
console.log(JSON.stringify(report));

async function run() {
	const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	await page.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(page, 1);

	await act(page, async () => {
		await page.fill("#sign-up-form [name=name]", "Forgetful User");
		await page.fill("#sign-up-form [name=email]", scenario.email);
		await page.fill("#sign-up-form [name=password]", scenario.password);
		await page.click("#sign-up");
	});
	step("sign up", { status: await status(page) });
	await act(page, () => page.click("#sign-out"));
	step("sign out", { status: await status(page) });

	await page.click("#forgot-link");
	await page.waitForSelector("#forgot-password:not([hidden])");
	await act(page, async () => {
		await page.fill("#forgot-form [name=email]", scenario.email);
		await page.click("#send-reset");
	});
	step("forgot password", { sent: await page.getAttribute("#forgot-status", "data-sent"), text: await page.textContent("#forgot-status") });

	const link = await mailedLink(scenario.email);
	step("mail", { link: link.replace(/reset-password\/[^?]+/, "reset-password/<token>") });
	await page.goto(link, { waitUntil: "load" });
	await waitForActions(page, 1);
	await page.waitForSelector("#reset-password:not([hidden])");
	step("reset page", { url: page.url().replace(/token=[^&]+/, "token=<token>") });
	await act(page, async () => {
		await page.fill("#reset-form [name=newPassword]", scenario.newPassword);
		await page.click("#reset");
	});
	step("reset", { done: await page.getAttribute("#reset-status", "data-done"), text: await page.textContent("#reset-status") });

	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.email);
		await page.fill("#sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in");
	});
	step("sign in with the old password", { status: await status(page) });
	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.email);
		await page.fill("#sign-in-form [name=password]", scenario.newPassword);
		await page.click("#sign-in");
	});
	step("sign in with the new password", { status: await status(page) });
	if (scenario.screenshot) {
		await page.screenshot({ path: scenario.screenshot, fullPage: true });
		report.screenshot = scenario.screenshot;
	}
}

/** The reset link in the mail to `to`, read from MailDev's REST API as a user reads their inbox. */
async function mailedLink(to) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${scenario.inboxUrl}/api/email`)).json();
		const mail = mails.find((m) => m.envelope.to.some((t) => t.address === to));
		const link = mail && (mail.text.match(/https?:\/\/\S+\/reset-password\/\S+/) || [])[0];
		if (link) return link;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no reset mail arrived for ${to}`);
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
