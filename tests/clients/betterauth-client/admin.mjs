// Drives user administration with BetterAuth's own client and its adminClient plugin, unchanged: list-users,
// set-role, impersonate and stop-impersonating (cookies swapped and given back), ban and unban, revoke-user-sessions,
// has-permission, remove-user, and the plugin's 403 code for a caller who is no administrator.
//
//   node admin.mjs <auth base URL> <administrator's email>
// The administrator signed up with the shared test password and was given the admin role before the script runs.
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { adminClient } from "better-auth/client/plugins";

const baseURL = process.argv[2];
const adminEmail = process.argv[3];
const origin = new URL(baseURL).origin;
const password = "correct horse battery staple";

function browserLikeFetch() {
	const jar = new Map();
	return async (input, init = {}) => {
		const headers = new Headers(init.headers || {});
		if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
		headers.set("origin", origin);
		const response = await fetch(input, { ...init, headers });
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(";");
			const at = pair.indexOf("=");
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1);
			const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith("max-age="));
			if (value === "" || (maxAge && Number(maxAge.slice(8)) <= 0)) jar.delete(name);
			else jar.set(name, value);
		}
		return response;
	};
}

const browser = () => createAuthClient({ baseURL, plugins: [adminClient()], fetchOptions: { customFetchImpl: browserLikeFetch() } });
const admin = browser();
const user = browser();

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
	}
}

const adminSignedIn = await admin.signIn.email({ email: adminEmail, password });
const adminId = adminSignedIn.data?.user?.id;
check("the administrator signs in", typeof adminId === "string", adminSignedIn);

const signedUp = await user.signUp.email({ name: "Bob Client", email: "bob-client@example.com", password });
const bobId = signedUp.data?.user?.id;
check("a user signs up", typeof bobId === "string", signedUp);

const refused = await user.admin.listUsers({ query: {} });
check("a user who is no administrator gets the plugin's 403", refused.error?.status === 403 && refused.error?.code === "YOU_ARE_NOT_ALLOWED_TO_LIST_USERS", refused);

const listed = await admin.admin.listUsers({ query: { searchValue: "bob-client", limit: 10 } });
check("admin.listUsers", listed.data?.total === 1 && listed.data?.users?.[0]?.id === bobId, listed);

const role = await admin.admin.setRole({ userId: bobId, role: ["user", "support"] });
check("admin.setRole", role.data?.user?.role === "user,support", role);

const impersonated = await admin.admin.impersonateUser({ userId: bobId });
check("admin.impersonateUser", impersonated.data?.user?.id === bobId && impersonated.data?.session?.impersonatedBy === adminId, impersonated);

const asBob = await admin.getSession();
check("getSession while impersonating is the user's, with impersonatedBy", asBob.data?.user?.id === bobId && asBob.data?.session?.impersonatedBy === adminId, asBob);

const stopped = await admin.admin.stopImpersonating();
check("admin.stopImpersonating", stopped.data?.user?.id === adminId, stopped);

const back = await admin.getSession();
check("getSession after stopping is the administrator's own", back.data?.user?.id === adminId && !back.data?.session?.impersonatedBy, back);

const permission = await admin.admin.hasPermission({ permissions: { user: ["ban"], session: ["revoke"] } });
check("admin.hasPermission", permission.data?.success === true, permission);

const banned = await admin.admin.banUser({ userId: bobId, banReason: "spam" });
check("admin.banUser", banned.data?.user?.banned === true && banned.data?.user?.banReason === "spam", banned);

const bannedSession = await user.getSession();
check("a ban ends the user's session", bannedSession.data === null, bannedSession);

const unbanned = await admin.admin.unbanUser({ userId: bobId });
check("admin.unbanUser", unbanned.data?.user?.banned === false, unbanned);

const again = await user.signIn.email({ email: "bob-client@example.com", password });
check("the unbanned user signs in again", again.data?.user?.id === bobId, again);

const revoked = await admin.admin.revokeUserSessions({ userId: bobId });
check("admin.revokeUserSessions", revoked.data?.success === true, revoked);

const revokedSession = await user.getSession();
check("revokeUserSessions ends the user's session", revokedSession.data === null, revokedSession);

const removed = await admin.admin.removeUser({ userId: bobId });
check("admin.removeUser", removed.data?.success === true, removed);

const gone = await admin.admin.listUsers({ query: { searchValue: "bob-client" } });
check("a removed user is no longer listed", gone.data?.total === 0, gone);

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
