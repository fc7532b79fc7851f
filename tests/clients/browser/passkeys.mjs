// Passkeys in the demo frontend, in Debian's Chromium with the DevTools virtual authenticator
// (WebAuthn.addVirtualAuthenticator): register, sign out, sign in with the passkey; a second device's
// passkey listed and deleted; an assertion made on another origin and a replayed assertion, both sent
// to the service and reported. Prints one JSON report; tests/AuthPlatform.Clients.Tests decides.
//
//   node passkeys.mjs < scenario.json
// scenario: { frontendUrl, otherOriginUrl, hostRules, email, password }
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const TIMEOUT = 30_000;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
		"--disable-sync", ...(scenario.hostRules?.length ? [`--host-resolver-rules=${scenario.hostRules.join(",")}`] : [])],
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
	const context = await browser.newContext();
	const page = await openPage(context);
	const authenticator = await addAuthenticator(page);
	await page.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(page, 1);

	// The user exists with a verified address (the test creates it): adding a passkey needs one.
	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.email);
		await page.fill("#sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in");
	});
	step("sign in", { status: await status(page) });

	await page.fill("#passkey-name", "laptop");
	await act(page, () => page.click("#add-passkey"));
	step("add passkey", { state: await page.textContent("#passkey-state"), count: await page.getAttribute("#passkeys", "data-count"),
		credentials: (await authenticator.cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator.id })).credentials.length });

	await act(page, () => page.click("#sign-out"));
	step("sign out", { status: await status(page) });
	await act(page, () => page.click("#sign-in-passkey"));
	step("sign in with passkey", { status: await status(page), ...(await lastResponse(page)) });

	// A second device: its own cookie jar and authenticator, signed in with the password, adds a passkey.
	const otherContext = await browser.newContext();
	const other = await openPage(otherContext);
	await addAuthenticator(other);
	await other.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(other, 1);
	await act(other, async () => {
		await other.fill("#sign-in-form [name=email]", scenario.email);
		await other.fill("#sign-in-form [name=password]", scenario.password);
		await other.click("#sign-in");
	});
	await other.fill("#passkey-name", "phone");
	await act(other, () => other.click("#add-passkey"));
	step("second device adds passkey", { state: await other.textContent("#passkey-state") });
	await otherContext.close();

	await act(page, () => page.click("#list-passkeys"));
	step("list passkeys", { count: await page.getAttribute("#passkeys", "data-count"), names: await page.$$eval("#passkeys li", (items) => items.map((i) => i.firstChild.textContent.split(" · ")[0])) });
	await act(page, () => page.click("#passkeys li:has-text('phone') button"));
	step("delete second device's passkey", { count: await page.getAttribute("#passkeys", "data-count"), names: await page.$$eval("#passkeys li", (items) => items.map((i) => i.firstChild.textContent.split(" · ")[0])) });

	// A replay: the same assertion twice (its challenge is spent), and once more against a new challenge.
	const replay = await page.evaluate(async (authPath) => {
		const api = (path, init) => fetch(window.demoApiBase + authPath + path, { credentials: "include", ...init });
		const post = (body) => api("/passkey/verify-authentication", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
		const options = await (await api("/passkey/generate-authenticate-options")).json();
		const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
		const body = { response: credential.toJSON() };
		const first = await post(body);
		const again = await post(body);
		await api("/passkey/generate-authenticate-options");
		const newChallenge = await post(body);
		return { first: first.status, again: [again.status, (await again.json()).code], newChallenge: [newChallenge.status, (await newChallenge.json()).code] };
	}, "/api/auth");
	step("replayed assertion", replay);

	// Another origin: the same authenticator credential used from a page on another port (same rp id,
	// an origin the service does not list). Options come from the listed origin, the assertion from the other.
	const options = await page.evaluate(async () => (await fetch(window.demoApiBase + "/api/auth/passkey/generate-authenticate-options", { credentials: "include" })).json());
	const foreign = await openPage(context);
	const foreignAuthenticator = await addAuthenticator(foreign);
	for (const credential of (await authenticator.cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator.id })).credentials) {
		await foreignAuthenticator.cdp.send("WebAuthn.addCredential", { authenticatorId: foreignAuthenticator.id, credential });
	}
	await foreign.goto(scenario.otherOriginUrl, { waitUntil: "load" });
	const assertion = await foreign.evaluate(async (json) =>
		(await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) })).toJSON(), options);
	const foreignOrigin = await page.evaluate(async (body) => {
		const response = await fetch(window.demoApiBase + "/api/auth/passkey/verify-authentication", {
			method: "POST", credentials: "include", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
		return [response.status, (await response.json()).code];
	}, { response: assertion });
	step("assertion from another origin", { origin: new URL(scenario.otherOriginUrl).origin, result: foreignOrigin });
}

async function addAuthenticator(page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send("WebAuthn.enable");
	const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
		options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
	});
	return { cdp, id: authenticatorId };
}

async function openPage(context) {
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	page.on("response", (response) => {
		const url = new URL(response.url());
		if (url.pathname.startsWith("/api/auth/")) (report.responses ??= []).push({ method: response.request().method(), path: url.pathname, status: response.status() });
	});
	return page;
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

async function lastResponse(page) {
	const text = await page.textContent("#last-response");
	return { lastStatus: Number(await page.getAttribute("#last-response", "data-status")), lastRequest: text.split("\n")[0] };
}
