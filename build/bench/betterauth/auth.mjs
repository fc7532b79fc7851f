// BetterAuth as deployments commonly run it: email+password, the jwt plugin (set-auth-jwt on
// get-session, /token, /jwks) and the bearer plugin, on PostgreSQL through a pg Pool.
// Rate limiting is off (its 3-per-10-s sign-in limit would cap the benchmark) and the cookie
// cache is off (the library default with a database), matching AuthPlatform's benchmark settings.
//
// Environment: DATABASE_URL, BETTER_AUTH_SECRET, BETTER_AUTH_URL, PORT, HOST, PG_POOL_MAX.
// BA_ORGANIZATION=1 adds the organization plugin (teams on) and the api-key plugin (keys stand for a
// session in the x-api-key header; no per-key rate limit, as on AuthPlatform's side) for the organization
// and api-key scenarios; that instance runs on its own database, so the plugins' session fields and
// hooks never touch the other scenarios.
import { apiKey } from "@better-auth/api-key";
import { betterAuth } from "better-auth";
import { bearer, jwt, organization } from "better-auth/plugins";
import pg from "pg";

const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3005);
export const listen = { host, port };

for (const name of ["DATABASE_URL", "BETTER_AUTH_SECRET"]) {
	if (!process.env[name]) throw new Error(`${name} is required`);
}

export const pool = new pg.Pool({
	connectionString: process.env.DATABASE_URL,
	max: Number(process.env.PG_POOL_MAX || 10),
});
pool.on("error", (err) => console.error("pg pool error", err.message));

export const authOptions = {
	appName: "betterauth-bench",
	baseURL: process.env.BETTER_AUTH_URL || `http://${host}:${port}`,
	basePath: "/api/auth",
	secret: process.env.BETTER_AUTH_SECRET,
	database: pool,
	emailAndPassword: { enabled: true },
	rateLimit: { enabled: false },
	telemetry: { enabled: false },
	plugins: process.env.BA_ORGANIZATION === "1"
		? [jwt(), bearer(), organization({ teams: { enabled: true } }), apiKey({ enableSessionForAPIKeys: true, rateLimit: { enabled: false } })]
		: [jwt(), bearer()],
};

export const auth = betterAuth(authOptions);
