using Microsoft.Extensions.Logging;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>What the provider stages log: the provider, a status or a reason; never a token or a response body.</summary>
internal static partial class ProviderLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: its discovery document or keys could not be read ({Reason})")]
    public static partial void DiscoveryFailed(ILogger logger, string providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: the authorization response's issuer was refused ({Code}); its code was not redeemed")]
    public static partial void ResponseIssuerRefused(ILogger logger, string providerId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: the token endpoint answered {Status}")]
    public static partial void TokenEndpointRefused(ILogger logger, string providerId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: the user-info endpoint answered {Status}")]
    public static partial void UserInfoRefused(ILogger logger, string providerId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId} did not answer ({Reason})")]
    public static partial void ProviderUnreachable(ILogger logger, string providerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity provider {ProviderId}: ID token refused ({Reason})")]
    public static partial void IdTokenRejected(ILogger logger, string providerId, string reason);
}
