using AuthPlatform.Application.Operators.ImportBetterAuth;
using AuthPlatform.Infrastructure.Persistence;

namespace AuthPlatform.Infrastructure.BetterAuth;

/// <summary>Opens BetterAuth's PostgreSQL database (<see cref="BetterAuthSourceDatabase"/>).</summary>
public sealed class BetterAuthSourceConnector : IBetterAuthSourceConnector
{
    public async Task<IBetterAuthSource> OpenAsync(string location, string? password, CancellationToken cancellationToken) =>
        await BetterAuthSourceDatabase.OpenAsync(location, password, cancellationToken);

    public bool CarriesPassword(string location) =>
        DatabaseUrl.TryParse(location, out var builder, out _) && !string.IsNullOrEmpty(builder.Password);
}
