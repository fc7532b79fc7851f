// The demo frontend's "Sign in with <provider>" in Debian's Chromium (playwright-core, never a browser
// download): the button, the provider's pages (tests/oidc-provider: its interaction page, then its
// non-interactive login for the account the scenario names, in place of a login form), the service's
// callback, back on the frontend signed in. Then a second round as an unverified address of an existing
// user, which ends on the frontend's error view, signed out. Reports one JSON object on stdout; the xunit
// test decides what is right.
//
//   node social.mjs < scenario.json
// scenario: { frontendUrl, hostRules, providerId, issuer, account: {sub, email, name}, screenshot }
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
	await waitForActions(page, 1); // the page load: the session, then the provider list
	const button = `#social-buttons button[data-provider="${scenario.providerId}"]`;
	step("frontend", { status: await status(page), button: (await page.textContent(button)).trim() });

	await signInAtProvider(page, button, scenario.account, true);
	step("back signed in", { url: page.url(), status: await status(page), email: (await page.textContent("#user-email")).trim() });
	if (scenario.screenshot) {
		await page.screenshot({ path: scenario.screenshot, fullPage: true });
		report.screenshot = scenario.screenshot;
	}

	await act(page, () => page.click("#sign-out"));
	step("sign out", { status: await status(page) });

	// Signed out at the provider too (its session cookie gone), so that it asks who signs in again.
	await context.clearCookies();
	// The same address under another account at the provider, unverified there: it belongs to the user just
	// created, so the sign-in is refused (account_not_linked) and no session starts.
	await signInAtProvider(page, button, { sub: `${scenario.account.sub}-other`, email: scenario.account.email }, false);
	step("refused", { url: page.url(), status: await status(page), hint: (await page.textContent("#hint")).trim() });
}

/** Clicks the button, waits on the provider's interaction page, signs in there, and waits for the frontend to load again. */
async function signInAtProvider(page, button, account, emailVerified) {
	await Promise.all([page.waitForURL((url) => url.href.startsWith(`${scenario.issuer}/interaction/`)), page.click(button)]);
	const interaction = JSON.parse(await page.textContent("body"));
	step(`provider (${account.email})`, { prompt: interaction.prompt });
	const login = new URL(interaction.login, scenario.issuer);
	login.searchParams.set("sub", account.sub);
	login.searchParams.set("email", account.email);
	login.searchParams.set("email_verified", String(emailVerified));
	if (account.name) login.searchParams.set("name", account.name);
	await page.goto(login.href, { waitUntil: "load" });
	if (!page.url().startsWith(scenario.frontendUrl)) {
		throw new Error(`the round ended at ${page.url()}: ${await page.textContent("body")}`);
	}
	await waitForActions(page, 1);
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
