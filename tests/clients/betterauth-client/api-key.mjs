// Drives API keys with BetterAuth's own client and the apiKeyClient plugin of @better-auth/api-key, unchanged:
// create (the key shown once), list, get, update, delete, the plugin's codes for a server-only field and a
// missing key, and the key itself in the x-api-key header on get-session and /token.
//
//   node api-key.mjs <auth base URL>
// Prints one line per check ("ok ..." / "FAIL ...") and exits 1 if any check failed.
import { createAuthClient } from "better-auth/client";
import { apiKeyClient } from "@better-auth/api-key/client";

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
	plugins: [apiKeyClient()],
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

async function withKey(path, key) {
	// The client's base path (BetterAuth's default, /api/auth), as the client itself resolves it.
	const response = await fetch(new URL(`/api/auth${path}`, baseURL), { headers: { "x-api-key": key } });
	return { status: response.status, body: await response.json() };
}

const signedUp = await client.signUp.email({ name: "Key Owner", email: "api-key-client@example.com", password });
check("signUp.email", typeof signedUp.data?.token === "string", signedUp);

const created = await client.apiKey.create({ name: "deploy" });
const key = created.data?.key;
check("apiKey.create shows the key once", typeof key === "string" && key.length >= 64 && created.data?.start === key.slice(0, 6), created);

const serverOnly = await client.apiKey.create({ name: "more", remaining: 5 });
check("a server-only field is SERVER_ONLY_PROPERTY", serverOnly.error?.code === "SERVER_ONLY_PROPERTY", serverOnly);

const listed = await client.apiKey.list();
check("apiKey.list has the key, without the key", listed.data?.total === 1 && listed.data?.apiKeys?.[0]?.id === created.data?.id && listed.data?.apiKeys?.[0]?.key === undefined, listed);

const fetched = await client.apiKey.get({ query: { id: created.data?.id } });
check("apiKey.get", fetched.data?.id === created.data?.id && fetched.data?.name === "deploy" && fetched.data?.key === undefined, fetched);

const updated = await client.apiKey.update({ keyId: created.data?.id, name: "renamed" });
check("apiKey.update renames", updated.data?.name === "renamed", updated);

const session = await withKey("/get-session", key);
check("the key header on get-session is its owner", session.status === 200 && session.body?.user?.email === "api-key-client@example.com", session);

const token = await withKey("/token", key);
check("the key header on /token gets a JWT", token.status === 200 && typeof token.body?.token === "string" && token.body.token.split(".").length === 3, token);

const deleted = await client.apiKey.delete({ keyId: created.data?.id });
check("apiKey.delete", deleted.data?.success === true, deleted);

const afterDelete = await withKey("/token", key);
check("a deleted key is INVALID_API_KEY", afterDelete.status === 401 && afterDelete.body?.code === "INVALID_API_KEY", afterDelete);

const missing = await client.apiKey.get({ query: { id: created.data?.id } });
check("apiKey.get of a deleted key is KEY_NOT_FOUND", missing.error?.status === 404 && missing.error?.code === "KEY_NOT_FOUND", missing);

console.log(failures === 0 ? "all checks passed" : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
