// HTTP server for the benchmark: node:http + BetterAuth's own toNodeHandler; /healthz for readiness.
import { createServer } from "node:http";
import { toNodeHandler } from "better-auth/node";
import { auth, listen, pool } from "./auth.mjs";

const handler = toNodeHandler(auth);
const server = createServer((req, res) => {
	if (req.url === "/healthz") {
		res.writeHead(200, { "content-type": "text/plain" });
		res.end("ok");
		return;
	}
	handler(req, res).catch((err) => {
		console.error("handler error", err);
		if (!res.headersSent) res.writeHead(500);
		res.end();
	});
});
server.keepAliveTimeout = 65_000;
server.listen(listen.port, listen.host);

const shutdown = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
