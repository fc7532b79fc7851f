// A real OpenID Connect provider (oidc-provider, an OpenID-certified implementation) for the social
// sign-in tests, on a loopback port. Nothing here is interactive:
//
//   GET  /interaction/:uid/login?sub=..&email=..&email_verified=true|false&name=..
//        signs the given account in and grants the requested scopes, answering the redirect that
//        resumes the authorization (then to the client's redirect_uri with code, state and iss).
//   POST /admin/faults {"tokenStatus":500, "idTokenAudience":"other" | ["a","b"], "idTokenNonce":"wrong",
//        "idTokenAzp":"other" | null, "responseIss":"https://other", "omitResponseIss":true,
//        "issParameterSupported":false, "codeTtlSeconds":1, "userinfoStatus":500}
//        switches faults on; {} switches them off. idTokenAzp null removes the claim; responseIss and
//        omitResponseIss change the authorization response's iss (RFC 9207); issParameterSupported:false
//        makes discovery say the authorization response carries no iss.
//   GET  /admin/issued   every token response so far (for tests that look for tokens at rest)
//   GET  /admin/health
//
// Usage: node server.mjs --port N --client-id ID --client-secret SECRET --redirect-uri URI [--redirect-uri URI...]
import { generateKeyPair, exportJWK, SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(option('port'));
const clientId = option('client-id') ?? 'authplatform';
const clientSecret = option('client-secret') ?? 'authplatform-test-client-secret-0123456789';
const redirectUris = args.flatMap((a, i) => (a === '--redirect-uri' ? [args[i + 1]] : []));
if (!port || redirectUris.length === 0) {
  console.error('usage: node server.mjs --port N --redirect-uri URI [--client-id ID --client-secret S]');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

const accounts = new Map();
let faults = {};
let issued = [];

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: redirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['oidc-test-cookie-key-0123456789abcdef'] },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'picture'],
  },
  // The ID token carries the scope's claims (email, email_verified, name), not only sub.
  conformIdTokenClaims: false,
  features: {
    devInteractions: { enabled: false },
    userinfo: { enabled: true },
    rpInitiatedLogout: { enabled: false },
  },
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: {
    AuthorizationCode: () => faults.codeTtlSeconds ?? 60,
    AccessToken: () => faults.accessTokenTtlSeconds ?? 3600,
    IdToken: 3600,
    RefreshToken: 86400,
    Grant: 86400,
    Interaction: 600,
    Session: 86400,
  },
  findAccount: async (_ctx, sub) => {
    const account = accounts.get(sub);
    if (!account) {
      return undefined;
    }
    return {
      accountId: sub,
      claims: async () => ({ sub, ...account }),
    };
  },
  async renderError(ctx, out) {
    ctx.type = 'application/json';
    ctx.body = out;
  },
});
provider.proxy = false;

// Re-signs a token-endpoint ID token with claims changed (undefined removes one): a valid signature over a
// wrong audience, nonce or authorized party.
async function alterIdToken(idToken, changes) {
  const header = decodeProtectedHeader(idToken);
  const payload = { ...decodeJwt(idToken), ...changes };
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) delete payload[name];
  }
  return new SignJWT(payload).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ }).sign(privateKey);
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/admin/health') {
    ctx.body = { ok: true, issuer };
    return;
  }
  if (ctx.path === '/admin/issued') {
    ctx.body = issued;
    return;
  }
  if (ctx.path === '/admin/faults' && ctx.method === 'POST') {
    faults = await readJson(ctx.req);
    ctx.body = { faults };
    return;
  }
  if (ctx.path === '/token' && faults.tokenStatus) {
    ctx.status = faults.tokenStatus;
    ctx.body = 'the token endpoint is failing (test fault)';
    return;
  }
  if (ctx.path === '/me' && faults.userinfoStatus) {
    ctx.status = faults.userinfoStatus;
    ctx.body = 'the userinfo endpoint is failing (test fault)';
    return;
  }
  const login = ctx.path.match(/^\/interaction\/([^/]+)\/login$/);
  if (login && ctx.method === 'GET') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const sub = ctx.query.sub;
    if (!sub) {
      ctx.status = 400;
      ctx.body = { error: 'sub is required' };
      return;
    }
    const claims = {};
    if (ctx.query.email) claims.email = ctx.query.email;
    if (ctx.query.email_verified !== undefined) claims.email_verified = ctx.query.email_verified === 'true';
    if (ctx.query.name) claims.name = ctx.query.name;
    accounts.set(sub, claims);

    const grant = new provider.Grant({ accountId: sub, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
      login: { accountId: sub },
      consent: { grantId },
    }, { mergeWithLastSubmission: false });
    ctx.status = 303;
    ctx.redirect(returnTo);
    return;
  }
  const interaction = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (interaction && ctx.method === 'GET') {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    ctx.body = { uid: details.uid, prompt: details.prompt.name, login: `/interaction/${details.uid}/login` };
    return;
  }

  await next();

  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.access_token) {
    issued.push({ access_token: ctx.body.access_token, refresh_token: ctx.body.refresh_token, id_token: ctx.body.id_token });
  }

  if (ctx.path === '/token' && ctx.status === 200 && ctx.body?.id_token
    && (faults.idTokenAudience || faults.idTokenNonce || 'idTokenAzp' in faults)) {
    const changes = {};
    if (faults.idTokenAudience) changes.aud = faults.idTokenAudience;
    if (faults.idTokenNonce) changes.nonce = faults.idTokenNonce;
    if ('idTokenAzp' in faults) changes.azp = faults.idTokenAzp ?? undefined;
    ctx.body = { ...ctx.body, id_token: await alterIdToken(ctx.body.id_token, changes) };
  }

  // The authorization response (the redirect back to the client) with its iss replaced or left out.
  const location = ctx.response.get('location');
  if (location && (faults.responseIss || faults.omitResponseIss) && redirectUris.some((uri) => location.startsWith(uri))) {
    const url = new URL(location);
    if (faults.omitResponseIss) url.searchParams.delete('iss');
    else url.searchParams.set('iss', faults.responseIss);
    ctx.set('location', url.href);
  }

  if (ctx.path === '/.well-known/openid-configuration' && ctx.status === 200 && faults.issParameterSupported === false) {
    ctx.body = { ...ctx.body, authorization_response_iss_parameter_supported: false };
  }
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
