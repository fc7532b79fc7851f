using AuthPlatform.Application.ApiKeys;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Operators.ImportBetterAuth;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.BetterAuth;
using AuthPlatform.Infrastructure.Doctor;
using AuthPlatform.Infrastructure.OAuthServer;
using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.Persistence.Audit;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Infrastructure.SessionCache;

using AuthPlatform.Infrastructure.SecondFactors;
using AuthPlatform.Infrastructure.SigningKeys;
using AuthPlatform.Infrastructure.Social;
using AuthPlatform.Infrastructure.Webhooks;
using AuthPlatform.Application.Common.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Infrastructure: the database (one pooled data source and DbContext pool), password hashing and signing keys.</summary>
public static class InfrastructureDependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // One data source (and so one connection pool) per process, shared by EF Core and raw probes.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(DatabaseConnectionString.Build(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)).Build());

        // Pooled DbContext instances: handlers get a scoped one; background work creates its own.
        static void Configure(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            AuthDbContextSetup.Configure(options, sp.GetRequiredService<NpgsqlDataSource>());
            DatabaseResilience.Configure(options, sp); // retries that never apply a write twice; pool recovery
            options.AddInterceptors(SessionMetricsInterceptor.Instance); // sessions created and ended, for the metrics

            options.AddInterceptors(sp.GetRequiredService<LocalSessionInvalidation>()); // the writer's own cache, at once
        }

        services.AddPooledDbContextFactory<AuthDbContext>(Configure);

        // Request scopes lease from the same pool through EF Core's scoped lease, which returns the context
        // exactly once however many registrations hand it out. (Two factory registrations of one pooled
        // context return it twice, and the second return can hit a context another request has rented.)
        services.AddDbContextPool<IAuthDbContext, AuthDbContext>(Configure);
        services.AddScoped(sp => (AuthDbContext)sp.GetRequiredService<IAuthDbContext>());
        services.AddSingleton<ConnectionPoolRecovery>();
        services.AddSingleton<SqlCommandRetry>();
        services.AddSingleton<IStoreFailureClassifier, StoreFailureClassifier>();
        services.AddSingleton<DatabaseStatus>();
        services.AddSingleton<IDatabaseSchema>(sp => sp.GetRequiredService<DatabaseStatus>());
        services.AddSingleton<IBetterAuthSourceConnector, BetterAuthSourceConnector>();

        // doctor: the checks of the database, its pool and the key material.
        services.AddSingleton<ISigningKeyRows, SigningKeyRows>();
        services.AddSingleton<IDoctorCheck, DatabaseCheck>();
        services.AddSingleton<IDoctorCheck, DatabasePoolCheck>();
        services.AddSingleton<IDoctorCheck, SessionListenerCheck>();
        services.AddSingleton<IDoctorCheck, KeyEncryptionCheck>();
        services.AddSingleton<IDoctorCheck, MailCheck>();
        services.AddSingleton<IDoctorCheck, IdentityProvidersCheck>();
        services.AddSingleton<IDoctorCheck, AuditTrailCheck>();

        // The audit trail: events written with the change they record, chained by the sealer (docs/adr/0139).
        services.AddSingleton<AuditChain>();
        services.AddSingleton<IAuditFailureWriter, AuditFailureWriter>();
        services.AddHostedService<AuditChainSealer>();

        // Webhooks: the audit trail's events, signed as Standard Webhooks, sent by every instance in turn (leases).
        services.AddHttpClient(WebhookHttpTransport.HttpClientName, client => client.Timeout = WebhookHttpTransport.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<IWebhookTransport, WebhookHttpTransport>();
        services.AddSingleton<IWebhookSecretProtector, WebhookSecretEncryption>();
        services.AddHostedService<WebhookDeliveryWorker>();

        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PasswordHashingOptions>, PasswordHashingOptionsValidator>();
        services.AddSingleton<Argon2idHashFormat>();
        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<IPasswordHashFormat, BetterAuthScryptHashFormat>(); // imported hashes, rehashed on sign-in
        services.AddSingleton<IPasswordHashFormats, PasswordHashFormats>();
        services.AddAbuseProtection(); // IPasswordHasher = PasswordHasher behind a bounded queue; throttle; common passwords
        services.AddLimitStores(); // request-limit stores, credential row lock, cleanup job

        services.AddSingleton<SigningKeyEncryption>();
        services.AddSingleton<ISigningKeyProtector>(sp => sp.GetRequiredService<SigningKeyEncryption>());
        services.AddSingleton<ISigningKeyFactory, SigningKeyGenerator>();
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<ISigningKeyRing>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IJwtSigner, JwtWriter>();
        services.AddScoped<ISigningKeyRotationLock, SigningKeyRotationLock>();
        services.AddHostedService<SigningKeyMaintenance>();
        services.AddMail(); // SMTP settings, templates, the outbox sender

        // Live sessions from memory, kept coherent across instances by LISTEN/NOTIFY (docs/adr/0095).
        services.AddOptions<SessionCacheOptions>().BindConfiguration(SessionCacheOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SessionCacheOptions>, SessionCacheOptionsValidator>();
        services.AddSingleton<InProcessSessionCache>();
        services.AddSingleton<LocalSessionInvalidation>();
        services.AddSingleton<ISessionCache>(sp => sp.GetRequiredService<InProcessSessionCache>());
        services.AddSingleton<IMembershipCache>(sp => sp.GetRequiredService<InProcessSessionCache>());
        services.AddSingleton<IOrganizationRosterCache>(sp => sp.GetRequiredService<InProcessSessionCache>());
        services.AddSingleton<IApiKeyCache>(sp => sp.GetRequiredService<InProcessSessionCache>());
        services.AddHostedService<SessionChangeListener>();

        services.AddSingleton<ISecondFactorSecretProtector, SecondFactorSecretEncryption>();
        services.AddSingleton<ITotpAuthenticator, OtpNetTotpAuthenticator>();
        services.AddSingleton<IWebAuthnRelyingParty, Fido2RelyingParty>();

        // Social sign-in: the providers over one named HttpClient with the configured timeout (ADR 0105).
        services.AddHttpClient(IdentityProviders.HttpClientName, (sp, client) =>
            client.Timeout = sp.GetRequiredService<IOptions<SocialOptions>>().Value.HttpTimeout);
        services.AddSingleton<IIdentityProviders, IdentityProviders>();
        services.AddSingleton<IProviderTokenProtector, ProviderTokenEncryption>();

        // The OAuth 2.1 / OpenID Connect server, on OpenIddict (docs/adr/0140).
        services.AddOAuthServer();

        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
