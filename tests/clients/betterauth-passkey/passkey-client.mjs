// BetterAuth's own passkeyClient (@better-auth/passkey), unchanged, against AuthPlatform's passkey routes,
// in Debian's Chromium with the DevTools virtual authenticator (WebAuthn.addVirtualAuthenticator):
// sign up, passkey.addPasskey, sign out, signIn.passkey, get-session, passkey.listUserPasskeys,
// passkey.updatePasskey, passkey.deletePasskey, and signIn.passkey once more with the deleted passkey
// (the authenticator still holds it; the service must refuse). browser-entry.mjs is bundled with esbuild
// into a temporary directory and served with page.html from http://localhost:{pagePort}.
// Prints one JSON report line; tests/AuthPlatform.Clients.Tests decides.
//
//   node passkey-client.mjs < scenario.json
// scenario: { apiUrl, pagePort, hostRules, email, password }
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const scenario = JSON.parse(readFileSync(0, "utf8"));
const report = { steps: [] };
const step = (name, values) => report.steps.push({ name, ...values });
const TIMEOUT = 30_000;

const out = mkdtempSync(join(tmpdir(), "betterauth-passkey-"));
let server;
let browser;
try {
	await build({
		entryPoints: [join(here, "browser-entry.mjs")], bundle: true, format: "esm", platform: "browser", target: "es2022",
		outfile: join(out, "client.js"), logLevel: "silent",
	});
	const files = { "/": ["text/html; charset=utf-8", readFileSync(join(here, "page.html"))], "/client.js": ["text/javascript; charset=utf-8", readFileSync(join(out, "client.js"))] };
	server = createServer((request, response) => {
		const file = files[new URL(request.url, "http://localhost").pathname];
		response.writeHead(file ? 200 : 404, { "content-type": file ? file[0] : "text/plain" });
		response.end(file ? file[1] : "not found");
	});
	await new Promise((resolve, reject) => server.once("error", reject).listen(scenario.pagePort, "127.0.0.1", resolve));

	browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
		args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", ...(scenario.hostRules?.length ? [`--host-resolver-rules=${scenario.hostRules.join(",")}`] : [])],
		timeout: 60_000,
	});
	await run();
} catch (error) {
	report.error = String(error?.stack ?? error);
} finally {
	await browser?.close();
	server?.close();
	rmSync(out, { recursive: true, force: true });
}
console.log(JSON.stringify(report));

async function run() {
	const context = await browser.newContext();
	const page = await context.newPage();
	page.setDefaultTimeout(TIMEOUT);
	page.on("pageerror", (error) => (report.pageErrors ??= []).push(String(error)));
	page.on("response", (response) => {
		const url = new URL(response.url());
		if (url.pathname.startsWith("/api/auth/")) (report.responses ??= []).push({ method: response.request().method(), path: url.pathname, status: response.status() });
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send("WebAuthn.enable");
	const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
		options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
	});
	const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials.length;

	await page.goto(`http://localhost:${scenario.pagePort}/?api=${encodeURIComponent(scenario.apiUrl)}`, { waitUntil: "load" });
	await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: TIMEOUT });

	// Every call goes through window.authClient in the page; only names, counts, e-mails and error codes
	// come back (never a token).
	const call = (body, arg) => page.evaluate(`(async (arg) => {
		const client = window.authClient;
		const error = (e) => e ? { status: e.status, code: e.code ?? null, message: e.message ?? null } : null;
		const sessionEmail = async () => { const r = await client.getSession(); return r.data?.user?.email ?? null; };
		${body}
	})(${JSON.stringify(arg ?? null)})`);

	step("sign in", await call(`
		const r = await client.signIn.email({ email: arg.email, password: arg.password });
		return { error: error(r.error), email: r.data?.user?.email ?? null, session: await sessionEmail() };`, scenario));

	step("add passkey", { ...(await call(`
		const r = await client.passkey.addPasskey({ name: "laptop" });
		return { error: error(r.error), passkey: r.data?.name ?? null, hasId: typeof r.data?.id === "string" };`)), credentials: await credentials() });

	step("sign out", await call(`
		const r = await client.signOut();
		return { error: error(r.error), session: await sessionEmail() };`));

	step("sign in with passkey", await call(`
		const r = await client.signIn.passkey();
		return { error: error(r.error), email: r.data?.user?.email ?? null, session: await sessionEmail() };`));

	step("list passkeys", await call(`
		const r = await client.passkey.listUserPasskeys();
		window.passkeyId = r.data?.[0]?.id;
		return { error: error(r.error), count: r.data?.length ?? null, names: r.data?.map((p) => p.name) ?? null };`));

	step("rename passkey", await call(`
		const r = await client.passkey.updatePasskey({ id: window.passkeyId, name: "work laptop" });
		const list = await client.passkey.listUserPasskeys();
		return { error: error(r.error), passkey: r.data?.passkey?.name ?? null, names: list.data?.map((p) => p.name) ?? null };`));

	step("delete passkey", await call(`
		const r = await client.passkey.deletePasskey({ id: window.passkeyId });
		const list = await client.passkey.listUserPasskeys();
		return { error: error(r.error), status: r.data?.status ?? null, count: list.data?.length ?? null };`));

	// The authenticator still holds the credential the service no longer knows: the sign-in must fail.
	step("sign in with deleted passkey", { ...(await call(`
		await client.signOut();
		const r = await client.signIn.passkey();
		return { error: error(r.error), email: r.data?.user?.email ?? null, session: await sessionEmail() };`)), credentials: await credentials() });
}
