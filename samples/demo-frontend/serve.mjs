// A tiny static host for the demo frontend, with no dependencies: serves this folder and a config.json
// built from its options. Plain http, or https with a PEM certificate and key.
//
//   node serve.mjs --port 3000 --api http://localhost:5000 --resource-server http://localhost:5001 --mode cookies
//   node serve.mjs --port 3443 --cert server.crt --key server.key --api https://auth.example.test:4443 ...
//
// Options: --port (default 3000), --listen (default 127.0.0.1; comma list), --api, --auth-path
// (default /api/auth), --resource-server, --mode (cookies | bearer), --cert/--key, --ttl seconds (exit
// after that long; default 0 = run until stopped). Prints "listening <url>" once ready.
import { readFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const options = parseArguments(process.argv.slice(2));
const config = {
	apiBaseUrl: options.api ?? "http://localhost:5000",
	authPath: options["auth-path"] ?? "/api/auth",
	resourceServerUrl: options["resource-server"] ?? "",
	mode: options.mode ?? "cookies",
};
const files = new Map([
	["/", ["index.html", "text/html; charset=utf-8"]],
	["/index.html", ["index.html", "text/html; charset=utf-8"]],
	["/app.js", ["app.js", "text/javascript; charset=utf-8"]],
	["/style.css", ["style.css", "text/css; charset=utf-8"]],
	["/second-factors.js", ["second-factors.js", "text/javascript; charset=utf-8"]],
	["/organizations.js", ["organizations.js", "text/javascript; charset=utf-8"]],
	["/ways-in.js", ["ways-in.js", "text/javascript; charset=utf-8"]],
	["/api-keys.js", ["api-keys.js", "text/javascript; charset=utf-8"]],
	["/vendor/qrcode-generator-2.0.4.mjs", ["vendor/qrcode-generator-2.0.4.mjs", "text/javascript; charset=utf-8"]],
]);

function parseArguments(argv) {
	const parsed = {};
	for (let i = 0; i < argv.length; i += 2) {
		if (!argv[i].startsWith("--") || argv[i + 1] === undefined) {
			console.error(`bad argument ${argv[i]}; see the comment at the top of serve.mjs`);
			process.exit(2);
		}
		parsed[argv[i].slice(2)] = argv[i + 1];
	}
	return parsed;
}

async function handle(request, response) {
	const url = new URL(request.url, "http://host");
	const headers = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
	if (request.method !== "GET" && request.method !== "HEAD") {
		response.writeHead(405, { ...headers, allow: "GET, HEAD" }).end();
		return;
	}
	if (url.pathname === "/config.json") {
		response.writeHead(200, { ...headers, "content-type": "application/json" }).end(JSON.stringify(config));
		return;
	}
	const file = files.get(url.pathname);
	if (!file) {
		response.writeHead(404, { ...headers, "content-type": "text/plain" }).end("not found");
		return;
	}
	const body = await readFile(path.join(root, file[0]));
	response.writeHead(200, { ...headers, "content-type": file[1] }).end(request.method === "HEAD" ? undefined : body);
}

const tls = options.cert && options.key
	? { cert: await readFile(options.cert), key: await readFile(options.key) }
	: null;
const port = Number(options.port ?? 3000);
const servers = [];
for (const address of (options.listen ?? "127.0.0.1").split(",")) {
	const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
	await new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, address, resolve);
	});
	servers.push(server);
}
console.log(`listening ${tls ? "https" : "http"}://${options.listen ?? "127.0.0.1"}:${port} ${JSON.stringify(config)}`);
const ttl = Number(options.ttl ?? 0);
if (ttl > 0) setTimeout(() => process.exit(0), ttl * 1000);
process.on("SIGTERM", () => process.exit(0));
