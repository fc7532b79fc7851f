// The browser side: BetterAuth's client with its passkeyClient plugin, exactly as an app would build it.
// Bundled by passkey-client.mjs (esbuild) into a temporary directory; the page loads that bundle.
import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/client";

const baseURL = new URLSearchParams(location.search).get("api");
window.authClient = createAuthClient({ baseURL, plugins: [passkeyClient()] });
document.body.dataset.ready = "true";
