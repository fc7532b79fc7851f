// Drives the demo frontend (samples/demo-frontend) in Debian's Chromium through playwright-core and
// reports what happened as one JSON object on stdout; the xunit tests (tests/AuthPlatform.Clients.Tests)
// decide what is right. Never downloads a browser: it launches /usr/bin/chromium.
//
//   node e2e.mjs < scenario.json
// scenario: { frontendUrl, hostRules: ["MAP app.test 127.0.0.1", ...], email, password,
//             flow: "full" | "sign-up-only", screenshot: "<path.png>" | null, apiHost: "auth.test" }
// Cookie values are never printed: only names and attributes.
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const ACTION_TIMEOUT = 30_000;

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: [
		"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		// The test CA is not in any trust store; the certificate is still checked by the tests' own clients.
		"--ignore-certificate-errors",
		...(scenario.hostRules?.length ? [`--host-resolver-rules=${scenario.hostRules.join(",")}`] : []),
	],
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
	const context = await browser.newContext({ viewport: { width: 1000, height: 1250 } });
	const page = await openPage(context);
	const blocked = await recordBlockedCookies(page);
	report.blockedCookies = blocked;
	await page.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(page, 1);
	step("first visit", { status: await sessionStatus(page) });

	await act(page, async () => {
		await page.fill("#sign-up-form [name=name]", "Demo User");
		await page.fill("#sign-up-form [name=email]", scenario.email);
		await page.fill("#sign-up-form [name=password]", scenario.password);
		await page.click("#sign-up");
	});
	step("sign up", { status: await sessionStatus(page), hint: await page.textContent("#hint"), ...(await lastResponse(page)) });
	report.cookiesAfterSignUp = await cookies(context);
	if (scenario.flow === "sign-up-only") {
		await act(page, () => page.click("#refresh"));
		step("refresh after sign up", { status: await sessionStatus(page), ...(await lastResponse(page)) });
		if (scenario.screenshot) {
			await page.screenshot({ path: scenario.screenshot, fullPage: true });
			report.screenshot = scenario.screenshot;
		}
		return;
	}

	await act(page, () => page.click("#sign-out"));
	step("sign out after sign up", { status: await sessionStatus(page) });
	await signIn(page);
	step("sign in", { status: await sessionStatus(page), ...(await lastResponse(page)) });
	report.userId = await page.textContent("#user-id");

	await page.reload({ waitUntil: "load" });
	await waitForActions(page, 1);
	step("reload", { status: await sessionStatus(page) });

	const secondTab = await openPage(context);
	await secondTab.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(secondTab, 1);
	step("second tab", { status: await sessionStatus(secondTab) });
	await secondTab.close();

	// After a reload in bearer mode the in-memory token is gone: sign in again to go on with the flow.
	if ((await sessionStatus(page)) === "Signed out") {
		await signIn(page);
		step("sign in again", { status: await sessionStatus(page) });
	}
	report.cookiesSignedIn = await cookies(context);

	await act(page, () => page.click("#call-protected"));
	step("protected call", await protectedResult(page));
	report.jwtWhileSignedIn = await page.evaluate(() => window.demoState.lastJwt);

	// A second device: another browser context (its own cookie jar), same user.
	const otherContext = await browser.newContext();
	const otherDevice = await openPage(otherContext);
	await otherDevice.goto(scenario.frontendUrl, { waitUntil: "load" });
	await waitForActions(otherDevice, 1);
	await signIn(otherDevice);
	step("second device signs in", { status: await sessionStatus(otherDevice) });

	await act(page, () => page.click("#list-sessions"));
	step("list sessions", { count: await page.getAttribute("#sessions", "data-count") });
	if (scenario.screenshot) {
		await page.screenshot({ path: scenario.screenshot, fullPage: true });
		report.screenshot = scenario.screenshot;
	}
	await act(page, () => page.click("#revoke-others"));
	step("revoke other sessions", { count: await page.getAttribute("#sessions", "data-count"), ...(await lastResponse(page)) });
	await act(otherDevice, () => otherDevice.click("#refresh"));
	step("second device after revocation", { status: await sessionStatus(otherDevice) });
	await otherContext.close();

	await act(page, () => page.click("#sign-out"));
	step("sign out", { status: await sessionStatus(page), ...(await lastResponse(page)) });
	report.cookiesAfterSignOut = await cookies(context);
	await page.reload({ waitUntil: "load" });
	await waitForActions(page, 1);
	step("reload after sign out", { status: await sessionStatus(page) });
	await act(page, () => page.click("#call-protected"));
	step("protected call after sign out", await protectedResult(page));

	// The JWT fetched before sign-out, presented to the resource server directly: JWTs are
	// self-contained and stay valid until they expire (15 minutes); sign-out ends the session only.
	const resourceServerUrl = await page.evaluate(() => document.querySelector("#config").textContent.match(/resource server (\S+)/)?.[1]);
	report.oldJwtAfterSignOut = await page.evaluate(async ({ url, jwt }) => {
		const response = await fetch(`${url}/protected`, { headers: { authorization: `Bearer ${jwt}` } });
		return response.status;
	}, { url: resourceServerUrl, jwt: report.jwtWhileSignedIn });
	report.jwtWhileSignedIn = report.jwtWhileSignedIn ? "(present)" : null; // not printed
}

async function openPage(context) {
	const page = await context.newPage();
	page.setDefaultTimeout(ACTION_TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	// Every call to the auth API and the resource server, with whether it tried to set a cookie.
	page.on("response", async (response) => {
		const url = new URL(response.url());
		if (!url.pathname.startsWith("/api/auth/") && url.pathname !== "/protected") return;
		const entry = { method: response.request().method(), path: url.pathname, status: response.status() };
		(report.responses ??= []).push(entry);
		try {
			entry.setsCookie = (await response.headerValue("set-cookie")) !== null;
		} catch {
			entry.setsCookie = null;
		}
	});
	return page;
}

async function signIn(page) {
	await act(page, async () => {
		await page.fill("#sign-in-form [name=email]", scenario.email);
		await page.fill("#sign-in-form [name=password]", scenario.password);
		await page.click("#sign-in");
	});
}

/** Runs a user action and waits until the page has finished handling it (body[data-completed] grows). */
async function act(page, action) {
	const before = Number(await page.getAttribute("body", "data-completed"));
	await action();
	await waitForActions(page, before + 1);
}

function waitForActions(page, count) {
	return page.waitForFunction((n) => Number(document.body.dataset.completed) >= n, count, { timeout: ACTION_TIMEOUT });
}

async function sessionStatus(page) {
	return (await page.textContent("#session-status")).trim();
}

async function lastResponse(page) {
	const text = await page.textContent("#last-response");
	return { lastStatus: Number(await page.getAttribute("#last-response", "data-status")), lastRequest: text.split("\n")[0] };
}

async function protectedResult(page) {
	return {
		tokenStatus: await page.getAttribute("#protected-result", "data-token-status"),
		protectedStatus: await page.getAttribute("#protected-result", "data-protected-status"),
		sub: await page.getAttribute("#protected-result", "data-sub"),
		text: (await page.textContent("#protected-result")).split("\n")[0],
	};
}

async function cookies(context) {
	return (await context.cookies()).map(({ name, domain, path, secure, httpOnly, sameSite, partitionKey, expires }) =>
		({ name, domain, path, secure, httpOnly, sameSite, partitionKey: partitionKey ?? null, session: expires === -1 }));
}

/** Cookies Chromium refused, with its reasons (DevTools Network.responseReceivedExtraInfo). */
async function recordBlockedCookies(page) {
	const blocked = [];
	const cdp = await page.context().newCDPSession(page);
	await cdp.send("Network.enable");
	cdp.on("Network.responseReceivedExtraInfo", (event) => {
		for (const entry of event.blockedCookies ?? []) {
			blocked.push({ name: entry.cookie?.name ?? entry.cookieLine?.split("=")[0], reasons: entry.blockedReasons });
		}
	});
	return blocked;
}
