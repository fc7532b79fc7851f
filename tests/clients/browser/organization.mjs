// The demo frontend's organizations in Debian's Chromium (playwright-core, never a browser download), from the
// invitation mail to a member: ann signs up, creates an organization (it becomes active) and invites bob from
// the members page; bob, in a browser of his own, signs up, verifies his address by the mailed link, follows the
// invitation mail's link to the accept-invitation page and accepts; ann's members page then shows him, and the
// service's list-members agrees. Reports one JSON object on stdout; the xunit test decides what is right.
//
//   node organization.mjs < scenario.json
// scenario: { frontendUrl, apiUrl, hostRules, owner, invitee, password, organization: {name, slug}, inboxUrl, screenshots: {owner, invitee} }
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
	// Two browsers' worth of state: ann's cookies and bob's never mix.
	const ann = await openPage();
	await signUp(ann, "Ann Owner", scenario.owner);
	step("owner signed up", { status: await status(ann) });

	await act(ann, async () => {
		await ann.fill("#create-organization-form [name=name]", scenario.organization.name);
		await ann.fill("#create-organization-form [name=slug]", scenario.organization.slug);
		await ann.click("#create-organization");
	});
	await ann.waitForSelector("#members-card:not([hidden])");
	step("organization created", {
		active: await ann.getAttribute("#active-organization", "data-slug"),
		switcher: await ann.getAttribute("#organization-switcher", "data-count"),
		members: await members(ann),
	});

	await act(ann, async () => {
		await ann.fill("#invite-form [name=email]", scenario.invitee);
		await ann.selectOption("#invite-form [name=role]", "member");
		await ann.click("#invite");
	});
	step("invited", {
		sent: await ann.getAttribute("#invite-state", "data-sent"),
		text: await ann.textContent("#invite-state"),
		pending: await ann.$$eval("#invitations li[data-email]", (items) => items.map((i) => i.dataset.email)),
	});

	const bob = await openPage();
	await signUp(bob, "Bob Invitee", scenario.invitee);
	step("invitee signed up", { status: await status(bob) });
	await act(bob, () => bob.click("#send-verification"));
	const verifyLink = await mailedLink(scenario.invitee, /https?:\/\/\S+\/verify-email\?\S+/);
	await bob.goto(verifyLink, { waitUntil: "load" });
	await waitForActions(bob, 1);
	// Proving the address ends the sessions begun before the proof (ADR 0111): bob signs in again below.
	step("invitee verified", { status: await status(bob) });

	const invitationLink = await mailedLink(scenario.invitee, /https?:\/\/\S*invitationId=\S+/);
	step("invitation mail", { link: invitationLink });
	await bob.goto(invitationLink, { waitUntil: "load" });
	await waitForActions(bob, 1);
	step("invitation page signed out", { status: await status(bob), text: await bob.textContent("#invitation-state") });
	await act(bob, async () => {
		await bob.fill("#sign-in-form [name=email]", scenario.invitee);
		await bob.fill("#sign-in-form [name=password]", scenario.password);
		await bob.click("#sign-in");
	});
	await bob.waitForSelector("#invitation-actions:not([hidden])");
	step("invitee signed in", { status: await status(bob), verifyCardHidden: await bob.isHidden("#verify-email") });
	step("invitation page", {
		url: bob.url(),
		text: await bob.textContent("#invitation-state"),
		details: await bob.$$eval("#invitation-details dd", (items) => items.map((i) => i.textContent)),
	});
	await act(bob, () => bob.click("#accept-invitation"));
	await bob.waitForSelector("#members-card:not([hidden])");
	step("accepted", {
		answer: await bob.getAttribute("#invitation-state", "data-answer"),
		text: await bob.textContent("#invitation-state"),
		active: await bob.getAttribute("#active-organization", "data-slug"),
		members: await members(bob),
	});
	await screenshot(bob, scenario.screenshots?.invitee);

	await ann.reload({ waitUntil: "load" });
	await waitForActions(ann, 1);
	await ann.waitForSelector("#members-card:not([hidden])");
	step("owner's members page", {
		members: await members(ann),
		pending: await ann.$$eval("#invitations li[data-email]", (items) => items.map((i) => i.dataset.email)),
	});
	await screenshot(ann, scenario.screenshots?.owner);

	// The service's own answer, with ann's session cookie (not the page's rendering).
	const organizationId = await ann.$eval("#organization-switcher", (s) => s.value);
	const response = await ann.context().request.get(
		`${scenario.apiUrl}/api/auth/organization/list-members?organizationId=${encodeURIComponent(organizationId)}`);
	const body = await response.json();
	step("list-members", {
		status: String(response.status()),
		members: (body.members ?? []).map((m) => `${m.user.email}:${m.role}`).sort(),
	});
}

async function openPage() {
	const context = await browser.newContext({ viewport: { width: 1000, height: 1600 } });
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	await page.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(page, 1);
	return page;
}

async function signUp(page, name, email) {
	await act(page, async () => {
		await page.fill("#sign-up-form [name=name]", name);
		await page.fill("#sign-up-form [name=email]", email);
		await page.fill("#sign-up-form [name=password]", scenario.password);
		await page.click("#sign-up");
	});
}

/** "email:role" of each member the page lists. */
function members(page) {
	return page.$$eval("#members li[data-email]", (items) => items.map((i) => `${i.dataset.email}:${i.dataset.role}`).sort());
}


async function screenshot(page, path) {
	if (!path) return;
	await page.screenshot({ path, fullPage: true });
	(report.screenshots ??= []).push(path);
}

/** The newest link matching `pattern` in a mail to `to`, read from MailDev's REST API as a user reads their inbox. */
async function mailedLink(to, pattern) {
	for (let i = 0; i < 300; i++) {
		const mails = await (await fetch(`${scenario.inboxUrl}/api/email`)).json();
		for (const mail of mails.reverse()) {
			if (!mail.envelope.to.some((t) => t.address === to)) continue;
			const link = (mail.text.match(pattern) || [])[0];
			if (link) return link;
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`no mail matching ${pattern} arrived for ${to}`);
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
