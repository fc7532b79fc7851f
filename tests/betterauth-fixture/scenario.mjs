// Builds a BetterAuth database the way a BetterAuth deployment does: BetterAuth's own migration
// planner creates the schema, and every user, password and session comes from BetterAuth's own
// HTTP handler (sign-up, sign-in, change-password). The import tests then copy this database.
//
//   DATABASE_URL=postgres://... BETTER_AUTH_SECRET=... node scenario.mjs < steps.json > results.json
//
// stdin: a JSON array of steps, run in order:
//   {"op":"sign-up", "name", "email", "password"}          -> {status, userId, token, cookie}
//   {"op":"sign-in", "email", "password"}                  -> {status, userId, token, cookie}
//   {"op":"change-password", "cookie", "currentPassword", "newPassword"} -> {status}
//   {"op":"get-session", "cookie"}                         -> {status, userId}
//   {"op":"sql", "text", "values"?}                        -> {rowCount}  (fixture tweaks: expire a session, add an OAuth account)
// stdout: a JSON array with one result per step. "cookie" is the signed session cookie value
// exactly as BetterAuth set it (name=value).
import { betterAuth } from "better-auth";
import { getMigrations } from "better-auth/db/migration";
import pg from "pg";

const baseURL = process.env.BETTER_AUTH_URL || "http://127.0.0.1:3999";
if (!process.env.DATABASE_URL || !process.env.BETTER_AUTH_SECRET) {
	console.error("DATABASE_URL and BETTER_AUTH_SECRET are required");
	process.exit(2);
}

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
const options = {
	baseURL,
	basePath: "/api/auth",
	secret: process.env.BETTER_AUTH_SECRET,
	database: pool,
	emailAndPassword: { enabled: true },
	rateLimit: { enabled: false },
	telemetry: { enabled: false },
};
const auth = betterAuth(options);

async function readStdin() {
	const chunks = [];
	for await (const chunk of process.stdin) chunks.push(chunk);
	return Buffer.concat(chunks).toString("utf8");
}

async function call(path, body, cookie) {
	const headers = { "content-type": "application/json", origin: baseURL };
	if (cookie) headers.cookie = cookie;
	const response = await auth.handler(
		new Request(`${baseURL}/api/auth${path}`, {
			method: body === undefined ? "GET" : "POST",
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		}),
	);
	const text = await response.text();
	const json = text ? JSON.parse(text) : null;
	const setCookie = response.headers.getSetCookie().find((c) => c.includes("session_token="));
	return { status: response.status, json, cookie: setCookie ? setCookie.split(";")[0] : undefined };
}

async function run(step) {
	switch (step.op) {
		case "sign-up": {
			const r = await call("/sign-up/email", { name: step.name, email: step.email, password: step.password });
			return { status: r.status, userId: r.json?.user?.id, token: r.json?.token, cookie: r.cookie };
		}
		case "sign-in": {
			const r = await call("/sign-in/email", { email: step.email, password: step.password });
			return { status: r.status, userId: r.json?.user?.id, token: r.json?.token, cookie: r.cookie };
		}
		case "change-password": {
			const r = await call(
				"/change-password",
				{ currentPassword: step.currentPassword, newPassword: step.newPassword, revokeOtherSessions: false },
				step.cookie,
			);
			return { status: r.status };
		}
		case "get-session": {
			const r = await call("/get-session", undefined, step.cookie);
			return { status: r.status, userId: r.json?.user?.id ?? null };
		}
		case "sql": {
			const r = await pool.query(step.text, step.values ?? []);
			return { rowCount: r.rowCount };
		}
		default:
			throw new Error(`unknown step ${step.op}`);
	}
}

try {
	const { runMigrations } = await getMigrations(options);
	await runMigrations();
	const steps = JSON.parse((await readStdin()) || "[]");
	const results = [];
	for (const step of steps) results.push(await run(step));
	process.stdout.write(JSON.stringify(results));
} finally {
	await pool.end();
}
