// Opens the service's API reference page (Scalar, Development only) in Debian's Chromium and reports
// what it rendered: the operation summaries visible on the page, console errors (a Content-Security-Policy
// violation shows there), and a screenshot.
//
//   node reference-page.mjs <page URL> <screenshot.png>
import { chromium } from "playwright-core";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
	args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync"],
	timeout: 60_000,
});
const report = { consoleErrors: [] };
try {
	const page = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
	page.on("console", (message) => {
		if (message.type() === "error") report.consoleErrors.push(message.text());
	});
	const response = await page.goto(url, { waitUntil: "load", timeout: 60_000 });
	report.status = response.status();
	report.finalUrl = page.url();
	// The reference renders the operations once it has fetched and parsed the document.
	await page.waitForFunction(() => document.body.innerText.includes("/api/auth/"), null, { timeout: 60_000 })
		.catch(() => {});
	report.text = await page.evaluate(() => document.body.innerText);
	if (screenshot) await page.screenshot({ path: screenshot });
} catch (error) {
	report.error = String(error?.stack ?? error);
} finally {
	await browser.close();
}
console.log(JSON.stringify(report));
