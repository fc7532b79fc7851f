using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>One real OpenID Connect provider (oidc-provider) per test class; tests use accounts of their own.</summary>
public sealed class SocialProviderServer : IAsyncLifetime
{
    public const string ProviderId = "test";

    public OidcProvider Provider { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Provider = await OidcProvider.StartAsync($"{TestSettings.BaseUrl}/api/auth/callback/{ProviderId}");

    public async ValueTask DisposeAsync() => await Provider.DisposeAsync();

    /// <summary>A service in memory over <paramref name="database"/> that knows this provider as "test" (trusted for linking unless told otherwise).</summary>
    public AuthApiFactory Service(TestDatabase database, IReadOnlyDictionary<string, string?>? extra = null, bool trusted = true)
    {
        var factory = new AuthApiFactory(database.ConnectionString);
        foreach (var (key, value) in Provider.ServiceSettings(ProviderId))
        {
            factory.Settings[key] = value;
        }

        factory.Settings["Auth:Social:TrustedProviders"] = trusted ? ProviderId : null;
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        return factory;
    }
}
