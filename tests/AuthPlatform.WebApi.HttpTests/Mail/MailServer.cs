using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>One MailDev per test class (starting one takes seconds); tests use addresses of their own.</summary>
public sealed class MailServer : IAsyncLifetime
{
    public MailCatcher Catcher { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Catcher = await MailCatcher.StartAsync();

    public async ValueTask DisposeAsync() => await Catcher.DisposeAsync();

    /// <summary>A service in memory over <paramref name="database"/> that mails to this server.</summary>
    public AuthApiFactory Service(TestDatabase database, IReadOnlyDictionary<string, string?>? extra = null, bool fakeClock = false)
    {
        var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = fakeClock };
        foreach (var (key, value) in Catcher.ServiceSettings.Concat(extra ?? new Dictionary<string, string?>()))
        {
            factory.Settings[key] = value;
        }

        return factory;
    }
}
