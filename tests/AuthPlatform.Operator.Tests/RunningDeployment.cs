using AuthPlatform.Testing;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// A deployment as doctor meets it in production: a database of its own with the real service running on
/// it (its start-up created the first signing key), reachable at its public URL on loopback.
/// </summary>
public sealed class RunningDeployment : IAsyncLifetime
{
    public TestDatabase Database { get; } = new();

    public ServiceInstance Service { get; private set; } = null!;

    /// <summary>The service's public URL (its AUTH_BASE_URL), without a trailing slash.</summary>
    public string BaseUrl => Service.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        Service = await ServiceInstance.StartAsync(Database.ConnectionString);
    }

    /// <summary>The configuration the running service has, for an operator command next to it.</summary>
    public Dictionary<string, string?> Environment()
    {
        var environment = OperatorCli.GoodEnvironment(Database.ConnectionString);
        environment["AUTH_BASE_URL"] = BaseUrl;
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
