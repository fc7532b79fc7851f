namespace AuthPlatform.WebApi.Configuration;

/// <summary>
/// The environment variables the service reads, each mapped to its configuration key. This table is
/// the single source for the mapping and for the variables table in docs/deployment.md. Standard
/// .NET variables (Auth__Session__ExpiresIn=...) work too, for every setting.
/// </summary>
public static class EnvironmentVariables
{
    public sealed record Variable(string Name, string ConfigurationKey, string Description, string? AliasOf = null);

    public static readonly IReadOnlyList<Variable> All =
    [
        new("AUTH_SECRET", "Auth:Secret", "Secret for cookie signatures and key encryption; at least 32 random characters."),
        new("BETTER_AUTH_SECRET", "Auth:Secret", "BetterAuth name for AUTH_SECRET.", AliasOf: "AUTH_SECRET"),
        new("AUTH_SECRETS", "Auth:Secrets", "Comma list of secrets for rotation, current first; replaces AUTH_SECRET."),
        new("BETTER_AUTH_SECRETS", "Auth:Secrets", "BetterAuth name for AUTH_SECRETS (\"2:new,1:old\").", AliasOf: "AUTH_SECRETS"),
        new("AUTH_BASE_URL", "Auth:BaseUrl", "Public URL of the service, e.g. https://auth.example.com."),
        new("BETTER_AUTH_URL", "Auth:BaseUrl", "BetterAuth name for AUTH_BASE_URL.", AliasOf: "AUTH_BASE_URL"),
        new("AUTH_TRUSTED_ORIGINS", "Auth:TrustedOrigins", "Comma list of frontend origins allowed to call with cookies."),
        new("BETTER_AUTH_TRUSTED_ORIGINS", "Auth:TrustedOrigins", "BetterAuth name for AUTH_TRUSTED_ORIGINS.", AliasOf: "AUTH_TRUSTED_ORIGINS"),
        new("DATABASE_URL", "Database:Url", "postgres://user:password@host:5432/db?sslmode=... or an Npgsql connection string."),
        new("AUTH_JWT_ISSUER", "Auth:Jwt:Issuer", "The iss claim of issued JWTs (default: the base URL's origin)."),
        new("AUTH_OAUTH_LOGIN_PAGE", "Auth:OAuth:LoginPage", "The frontend's sign-in page the OAuth authorization endpoint sends a browser without a session to."),
        new("AUTH_OAUTH_CONSENT_PAGE", "Auth:OAuth:ConsentPage", "The frontend's page where a user grants an OAuth client the scopes it asks for."),
        new("AUTH_OAUTH_DEVICE_PAGE", "Auth:OAuth:DevicePage", "The frontend's page where a user enters a device's user code (RFC 8628 verification_uri)."),
        new("AUTH_OAUTH_ALLOW_DYNAMIC_CLIENT_REGISTRATION", "Auth:OAuth:AllowDynamicClientRegistration", "true: clients may register themselves at /oauth2/register (RFC 7591); default false."),
        new("AUTH_OAUTH_CLIENT_REGISTRATION_GRANTS", "Auth:OAuth:ClientRegistrationGrants", "The grants a dynamically registered client may have; default \"authorization_code refresh_token\"."),
        new("AUTH_OAUTH_CLIENT_REGISTRATION_TOKEN", "Auth:OAuth:ClientRegistrationToken", "The initial access token dynamic registration requires (bearer); unset, registration is open."),
        new("AUTH_JWT_AUDIENCE", "Auth:Jwt:Audience", "Comma list for the aud claim of issued JWTs (default: the base URL's origin)."),
        new("AUTH_JWT_ALGORITHM", "Auth:Jwt:Algorithm", "ES256 (default), ES384, ES512, PS256, RS256 or EdDSA; a change rotates to a key of the new algorithm."),
        new("AUTH_COOKIE_MODE", "Auth:Cookies:Mode", "SameSite (default; SameSite=Lax) or CrossSite (SameSite=None; Secure; Partitioned)."),
        new("AUTH_COOKIE_SAMESITE", "Auth:Cookies:SameSite", "Override: Lax, Strict or None."),
        new("AUTH_COOKIE_SECURE", "Auth:Cookies:Secure", "Override: true or false (default: true for an https base URL)."),
        new("AUTH_COOKIE_PARTITIONED", "Auth:Cookies:Partitioned", "Override: true or false (default: true in CrossSite mode)."),
        new("AUTH_COOKIE_DOMAIN", "Auth:Cookies:Domain", "Optional cookie Domain; switches the name prefix from __Host- to __Secure-."),
        new("AUTH_COOKIE_PREFIX", "Auth:Cookies:Prefix", "Cookie name prefix (default better-auth, so cookies keep BetterAuth's names)."),
        new("AUTH_COOKIE_ACCEPT_BETTER_AUTH", "Auth:Cookies:AcceptBetterAuthCookie", "Migration: also accept BetterAuth's https cookie name __Secure-<prefix>.session_token and re-issue it under the current name (default false)."),
        new("AUTH_CONSOLE_ENABLED", "Auth:Console:Enabled", "true serves the operator console under /console/ (default false; build/dev.sh turns it on)."),
        new("AUTH_MIGRATE_ON_START", "Database:MigrateOnStartup", "Apply pending migrations at start-up (default false)."),
        new("AUTH_TRUSTED_PROXIES", "Auth:TrustedProxies", "Comma list of reverse-proxy addresses or networks whose X-Forwarded-For is believed."),
        new("AUTH_LOG_FORMAT", "Logging:Format", "json (default outside Development) or text."),
        new("AUTH_DATABASE_POOLER", "Database:Pooler", "true when a transaction-mode pooler (PgBouncer, a managed pooled endpoint) is in front of PostgreSQL."),
        new("AUTH_DATABASE_POOL_SIZE", "Database:MaxPoolSize", "Connections per instance (default 32; 2-5 for serverless functions)."),
        new("DATABASE_LISTEN_URL", "Database:ListenUrl", "Direct (unpooled) connection for the session cache's change listener; needed when DATABASE_URL goes through a transaction-mode pooler."),
        new("AUTH_SESSION_CACHE", "SessionCache:Enabled", "true (default) answers live sessions from memory, kept coherent by LISTEN/NOTIFY; false reads PostgreSQL on every check."),

        new("AUTH_SMTP_HOST", "Auth:Smtp:Host", "SMTP server for password reset and verification mail; unset turns mail off."),
        new("AUTH_SMTP_PORT", "Auth:Smtp:Port", "SMTP port (default 587)."),
        new("AUTH_SMTP_TLS", "Auth:Smtp:Tls", "StartTls (default), Implicit (port 465) or None (a local mail catcher only)."),
        new("AUTH_SMTP_USERNAME", "Auth:Smtp:Username", "SMTP user name (optional; with AUTH_SMTP_PASSWORD)."),
        new("AUTH_SMTP_PASSWORD", "Auth:Smtp:Password", "SMTP password (optional; with AUTH_SMTP_USERNAME)."),
        new("AUTH_SMTP_FROM", "Auth:Smtp:From", "Sender address of the service's mail, e.g. \"Example <no-reply@example.com>\"."),
        new("AUTH_REQUIRE_EMAIL_VERIFICATION", "Auth:Email:RequireEmailVerification", "true: unverified users cannot sign in (403 EMAIL_NOT_VERIFIED)."),

        new("AUTH_GOOGLE_CLIENT_ID", "Auth:Social:Providers:google:ClientId", "Google sign-in: the OAuth client id (with AUTH_GOOGLE_CLIENT_SECRET); unset: no Google button."),
        new("AUTH_GOOGLE_CLIENT_SECRET", "Auth:Social:Providers:google:ClientSecret", "Google sign-in: the OAuth client secret."),
        new("AUTH_MICROSOFT_CLIENT_ID", "Auth:Social:Providers:microsoft:ClientId", "Microsoft Entra ID sign-in: the application (client) id (with AUTH_MICROSOFT_CLIENT_SECRET)."),
        new("AUTH_MICROSOFT_CLIENT_SECRET", "Auth:Social:Providers:microsoft:ClientSecret", "Microsoft Entra ID sign-in: the client secret."),
        new("AUTH_MICROSOFT_TENANT_ID", "Auth:Social:Providers:microsoft:TenantId", "Microsoft Entra ID tenant: id, domain, common (default), organizations or consumers."),
        new("AUTH_GITHUB_CLIENT_ID", "Auth:Social:Providers:github:ClientId", "GitHub sign-in: the OAuth app's client id (with AUTH_GITHUB_CLIENT_SECRET)."),
        new("AUTH_GITHUB_CLIENT_SECRET", "Auth:Social:Providers:github:ClientSecret", "GitHub sign-in: the OAuth app's client secret."),
        new("AUTH_OIDC_DISCOVERY_URL", "Auth:Social:Providers:oidc:DiscoveryUrl", "Any OpenID Connect provider (provider id oidc): its discovery URL (https://idp.example.com/.well-known/openid-configuration)."),
        new("AUTH_OIDC_CLIENT_ID", "Auth:Social:Providers:oidc:ClientId", "The oidc provider's client id."),
        new("AUTH_OIDC_CLIENT_SECRET", "Auth:Social:Providers:oidc:ClientSecret", "The oidc provider's client secret."),
        new("AUTH_OIDC_NAME", "Auth:Social:Providers:oidc:Name", "The oidc provider's name on the sign-in button (default oidc)."),
        new("AUTH_OIDC_SCOPES", "Auth:Social:Providers:oidc:Scopes", "The oidc provider's scopes, comma list (default openid,email,profile)."),
        new("AUTH_SOCIAL_TRUSTED_PROVIDERS", "Auth:Social:TrustedProviders", "Comma list of provider ids whose verified email may sign in to an existing user with that email (default none)."),

        new("REDIS_URL", "Redis:Url", "redis://[:password@]host:6379[/db]: shares the general per-address rate limit across instances (default: per instance, in memory)."),
        new("AUTH_SHUTDOWN_TIMEOUT", "Hosting:ShutdownTimeoutSeconds", "Seconds requests in flight get to finish after SIGTERM (default 25)."),
    ];

    /// <summary>
    /// Configuration entries for the variables that are set. Primary names win over BetterAuth aliases
    /// when both are set.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> Read(Func<string, string?> getVariable)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var variable in All.OrderBy(v => v.AliasOf is null ? 1 : 0))
        {
            var value = getVariable(variable.Name);
            if (!string.IsNullOrEmpty(value))
            {
                result[variable.ConfigurationKey] = value;
            }
        }

        return result;
    }
}
