// The operator console (served by the service under /console/) in Debian's Chromium (playwright-core, never a browser
// download): an administrator signs in, finds a user, opens them (sessions, accounts, factors, events), bans and
// unbans them, impersonates them (the banner shows) and stops, then reads the audit trail and a webhook's deliveries.
// Reports one JSON object on stdout; the xunit test decides what is right.
//
//   node console.mjs < scenario.json
// scenario: { consoleUrl, admin, password, target, screenshots: { search, detail, impersonation, audit } }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [], consoleErrors: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const TIMEOUT = 30_000;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
		"--disable-component-update", "--disable-sync"],
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
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	page.on("console", (message) => {
		if (message.type() === "error") report.consoleErrors.push(message.text());
	});
	const response = await page.goto(scenario.consoleUrl, { waitUntil: "load" });
	step("opened", {
		status: String(response.status()),
		csp: response.headers()["content-security-policy"] ?? "",
		signInShown: String(await page.isVisible("#sign-in-form")),
	});
	await waitForActions(page, 1);

	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.admin);
		await page.fill("#sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in-button");
	});
	step("signed in", { who: await page.getAttribute("#who", "data-email"), total: await page.getAttribute("#users-range", "data-total"), listed: await emails(page) });

	await act(page, () => page.click("#users-next"));
	step("next page", { range: await page.textContent("#users-range"), listed: await emails(page) });

	await act(page, async () => {
		await page.fill("#user-search-form [name=searchValue]", scenario.targetSearch);
		await page.click("#user-search");
	});
	step("user search", { total: await page.getAttribute("#users-range", "data-total"), listed: await emails(page) });
	await shot(page, scenario.screenshots.search);

	await act(page, () => page.click(`#users tr[data-email="${scenario.target}"]`));
	step("user detail", {
		title: await page.textContent("#user-title"),
		banned: await page.getAttribute("#user-details", "data-banned"),
		sessions: await page.$$eval("#sessions tr[data-session-id]", (rows) => rows.length),
		accounts: await page.$$eval("#accounts li[data-provider]", (items) => items.map((i) => i.dataset.provider)),
		factors: await page.textContent("#factors"),
		events: await page.$$eval("#user-events tr[data-type]", (rows) => rows.map((r) => r.dataset.type)),
	});
	await shot(page, scenario.screenshots.detail);

	await act(page, async () => {
		await page.fill("#ban-form [name=banReason]", "spamming the forum");
		await page.selectOption("#ban-form [name=banExpiresIn]", "86400");
		await page.click("#ban");
	});
	step("banned", {
		banned: await page.getAttribute("#user-details", "data-banned"),
		state: await page.textContent('#user-details dd[data-field="State"]'),
		sessions: await page.$$eval("#sessions tr[data-session-id]", (rows) => rows.length),
		unbanShown: String(await page.isVisible("#unban")),
		message: await page.textContent("#message"),
	});

	await act(page, () => page.click("#unban"));
	step("unbanned", { banned: await page.getAttribute("#user-details", "data-banned"), banShown: String(await page.isVisible("#ban-form")) });

	await act(page, () => page.click("#impersonate"));
	step("impersonating", {
		banner: String(await page.isVisible("#impersonation-banner")),
		bannerText: await page.textContent("#impersonation-banner"),
		who: await page.getAttribute("#who", "data-email"),
		tabsHidden: String(await page.isHidden("#tabs")),
	});
	await shot(page, scenario.screenshots.impersonation);

	await act(page, () => page.click("#stop-impersonating"));
	step("stopped", {
		banner: String(await page.isVisible("#impersonation-banner")),
		who: await page.getAttribute("#who", "data-email"),
		title: await page.textContent("#user-title"),
		events: await page.$$eval("#user-events tr[data-type]", (rows) => rows.map((r) => r.dataset.type)),
	});

	await act(page, () => page.click('.tab[data-view="audit"]'));
	step("audit trail", {
		total: await page.getAttribute("#audit-range", "data-total"),
		events: await page.$$eval("#audit-events tr[data-type]", (rows) => rows.map((r) => r.dataset.type)),
	});
	await shot(page, scenario.screenshots.audit);
	await act(page, async () => {
		await page.fill("#audit-filter-form [name=type]", "admin.user-banned");
		await page.click("#audit-filter");
	});
	step("audit filtered", {
		total: await page.getAttribute("#audit-range", "data-total"),
		events: await page.$$eval("#audit-events tr[data-type]", (rows) => rows.map((r) => r.dataset.type)),
		reasons: await page.$$eval("#audit-events tr[data-type] td:nth-child(4)", (cells) => cells.map((c) => c.textContent)),
	});

	// The webhook's deliveries: the receiver is down, so the log fills with failed attempts (retried with backoff).
	let deliveries = [];
	for (let i = 0; i < 40 && deliveries.length === 0; i++) {
		await act(page, () => page.click('.tab[data-view="webhooks"]'));
		await act(page, () => page.click("#webhooks tr[data-webhook-id]"));
		deliveries = await page.$$eval("#deliveries tr[data-succeeded]", (rows) => rows.map((r) => r.dataset.succeeded));
		if (deliveries.length === 0) await new Promise((r) => setTimeout(r, 500));
	}
	step("webhook deliveries", { webhooks: await page.$$eval("#webhooks tr[data-webhook-id]", (rows) => rows.length), deliveries });
	await shot(page, scenario.screenshots.webhooks);
}

function emails(page) {
	return page.$$eval("#users tr[data-email]", (rows) => rows.map((r) => r.dataset.email));
}

async function shot(page, path) {
	if (!path) return;
	await page.screenshot({ path, fullPage: true });
	(report.screenshots ??= []).push(path);
}

async function act(page, action) {
	const before = Number(await page.getAttribute("body", "data-completed"));
	await action();
	await waitForActions(page, before + 1);
}

function waitForActions(page, count) {
	return page.waitForFunction((n) => Number(document.body.dataset.completed) >= n, count, { timeout: TIMEOUT });
}
