// Verifies JWTs as a Node resource server would, with jose: the JWKS fetched from the issuer
// (createRemoteJWKSet), issuer, audience, algorithms and typ pinned.
//
//   echo '{"jwksUrl":"...","issuer":"...","audience":["..."],"algorithms":["ES256"],
//          "tokens":[{"name":"a","token":"eyJ...","algorithms":["ES384"]}]}' | node verify.mjs
//
// Prints one JSON line per token: {"name","ok","code","sub","sid"}. "algorithms" on a token overrides
// the default list for that token. Exits 0 when every token was checked (ok or not), 2 on bad input.
import { createRemoteJWKSet, jwtVerify } from "jose";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let input;
try {
	input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
} catch (err) {
	console.error(`bad input: ${err.message}`);
	process.exit(2);
}

// One remote key set for every token, as a service keeps one for its lifetime.
const jwks = createRemoteJWKSet(new URL(input.jwksUrl), { cooldownDuration: 0 });
for (const { name, token, algorithms } of input.tokens) {
	try {
		const { payload } = await jwtVerify(token, jwks, {
			issuer: input.issuer,
			audience: input.audience,
			algorithms: algorithms ?? input.algorithms,
			typ: "at+jwt",
			clockTolerance: 30,
			requiredClaims: ["exp", "iat", "sub"],
		});
		console.log(JSON.stringify({ name, ok: true, sub: payload.sub, sid: payload.sid }));
	} catch (err) {
		console.log(JSON.stringify({ name, ok: false, code: err.code ?? err.name, message: err.message }));
	}
}
