// Creates BetterAuth's schema with the library's own migration planner (what its CLI runs).
import { getMigrations } from "better-auth/db/migration";
import { authOptions, pool } from "./auth.mjs";

try {
	const { runMigrations } = await getMigrations(authOptions);
	await runMigrations();
} finally {
	await pool.end();
}
