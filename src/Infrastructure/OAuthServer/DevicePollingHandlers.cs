using AuthPlatform.Application.Common.Limits;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// The device grant's polling interval (RFC 8628 3.2 and 3.5), which OpenIddict 7.9 neither advertises nor enforces:
/// the device authorization response says <c>interval</c>, and a device that polls the token endpoint again within it
/// gets <c>slow_down</c> (before <c>authorization_pending</c>, and before its tokens), so a device cannot hammer the
/// token endpoint or the database behind it.
/// </summary>
public static class DevicePollingHandlers
{
    /// <summary>RFC 8628's default: the least a device waits between two polls.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static IEnumerable<OpenIddictServerHandlerDescriptor> All => [AdvertiseInterval.Descriptor, SlowDownFastPolling.Descriptor];

    /// <summary>The device authorization response names the interval (a client that reads none uses 5 s anyway).</summary>
    public sealed class AdvertiseInterval : IOpenIddictServerHandler<ApplyDeviceAuthorizationResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyDeviceAuthorizationResponseContext>()
                .UseSingletonHandler<AdvertiseInterval>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyDeviceAuthorizationResponseContext context)
        {
            if (!string.IsNullOrEmpty(context.Response.DeviceCode))
            {
                context.Response[Parameters.Interval] = (long)Interval.TotalSeconds;
            }

            return default;
        }
    }

    /// <summary>
    /// Counts the device code's polls in windows of <see cref="Interval"/> (the credential limits' counter in PostgreSQL,
    /// shared by every instance, keyed by the device code's id): a second poll in the same window is <c>slow_down</c>.
    /// Runs before OpenIddict's own check of the device code's status, so a pending code answers slow_down too.
    /// </summary>
    public sealed class SlowDownFastPolling(ICredentialLimitStore counter, TimeProvider clock) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseScopedHandler<SlowDownFastPolling>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 2)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.EndpointType != OpenIddictServerEndpointType.Token || context.Request?.IsDeviceCodeGrantType() != true
                || context.Principal?.HasTokenType(TokenTypeIdentifiers.Private.DeviceCode) != true || string.IsNullOrEmpty(context.TokenId))
            {
                return;
            }

            var count = await counter.CountAsync("oauth-device-poll:" + context.TokenId, clock.GetUtcNow(), Interval, context.CancellationToken);
            if (count.Hits > 1)
            {
                context.Reject(Errors.SlowDown, $"Polled faster than the interval ({Interval.TotalSeconds:0} s): wait 5 s more between polls.");
            }
        }
    }
}
