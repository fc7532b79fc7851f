// Drives usernames with BetterAuth's own client and its usernameClient plugin, unchanged: signUp.email with
// a username, isUsernameAvailable, signIn.username (any case), getSession showing username and
// displayUsername, and the plugin's codes for a wrong password and a taken username.
//
//   node username.mjs <auth base URL>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { usernameClient } from "better-auth/client/plugins";

const baseURL = process.argv[2];
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

const client = createAuthClient({
	baseURL,
	plugins: [usernameClient()],
	fetchOptions: { customFetchImpl: browserLikeFetch() },
});

let failures = 0;
function check(name, condition, detail = "") {
	if (condition) console.log(`ok   ${name}`);
	else {
		failures++;
		console.log(`FAIL ${name} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
	}
}

const before = await client.isUsernameAvailable({ username: "Client.User" });
check("isUsernameAvailable before sign-up is true", before.data?.available === true, before);

const signedUp = await client.signUp.email({ name: "Client User", email: "username-client@example.com", password, username: "Client.User" });
check("signUp.email with a username", typeof signedUp.data?.token === "string" && signedUp.data?.user?.username === "client.user", signedUp);
check("the display username keeps the case given", signedUp.data?.user?.displayUsername === "Client.User", signedUp);

const after = await client.isUsernameAvailable({ username: "client.user" });
check("isUsernameAvailable after sign-up is false", after.data?.available === false, after);

const taken = await client.signUp.email({ name: "Other", email: "other-username-client@example.com", password, username: "CLIENT.USER" });
check("a taken username is USERNAME_IS_ALREADY_TAKEN", taken.error?.code === "USERNAME_IS_ALREADY_TAKEN", taken);

await client.signOut();
const wrong = await client.signIn.username({ username: "client.user", password: "not the password" });
check("a wrong password is INVALID_USERNAME_OR_PASSWORD", wrong.error?.status === 401 && wrong.error?.code === "INVALID_USERNAME_OR_PASSWORD", wrong);

const signedIn = await client.signIn.username({ username: "CLIENT.user", password });
check("signIn.username in another case", typeof signedIn.data?.token === "string" && signedIn.data?.user?.id === signedUp.data?.user?.id, signedIn);

const session = await client.getSession();
check("getSession shows username and displayUsername", session.data?.user?.username === "client.user" && session.data?.user?.displayUsername === "Client.User", session);

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
