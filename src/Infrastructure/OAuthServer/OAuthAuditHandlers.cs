using System.Security.Claims;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Audit;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// The OAuth server's grants in the audit trail (ADR 0139): every code, every token response, every refresh token
/// reuse, revocation and device answer is recorded here, in OpenIddict's pipeline, so no route can forget one. An event
/// is added to the request's unit of work before OpenIddict's store writes the change (the code's or token's row, the
/// redeemed code, the revoked token, the device code's new status) on the same DbContext, so it commits with that
/// write; a last handler saves it should the change have needed no write. The reason is the client id (and the grant
/// type at the token endpoint), never a token.
/// </summary>
public static class OAuthAuditHandlers
{
    public static IEnumerable<OpenIddictServerHandlerDescriptor> All =>
    [
        RecordSignIn.Descriptor,
        SaveSignInEvent.Descriptor,
        RecordDeviceDenied.Descriptor,
        SaveChallengeEvent.Descriptor,
        RecordRevocation.Descriptor,
        RecordRefreshTokenReuse.Descriptor,
    ];

    /// <summary>A code at the authorization endpoint, tokens at the token endpoint, a device approved at the verification endpoint.</summary>
    public sealed class RecordSignIn(AuditTrail audit) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
                .UseScopedHandler<RecordSignIn>()
                .SetOrder(OpenIddictServerHandlers.ValidateSignInDemand.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessSignInContext context)
        {
            var clientId = context.Request?.ClientId ?? context.Principal?.GetPresenters().FirstOrDefault();
            var user = UserOf(context.Principal, clientId);
            switch (context.EndpointType)
            {
                case OpenIddictServerEndpointType.Authorization:
                    audit.Record(AuditEventTypes.OAuthCodeIssued, user, reason: clientId);
                    break;
                case OpenIddictServerEndpointType.Token when context.Request?.GrantType is { } grant:
                    audit.Record(AuditEventTypes.OAuthTokensIssued, user, reason: $"{GrantName(grant)} {clientId}");
                    break;
                case OpenIddictServerEndpointType.EndUserVerification:
                    audit.Record(AuditEventTypes.OAuthDeviceApproved, user, reason: DeviceClient(context.Transaction));
                    break;
            }

            return default;
        }
    }

    /// <summary>Saves what <see cref="RecordSignIn"/> recorded when no write of OpenIddict's did (a no-op otherwise).</summary>
    public sealed class SaveSignInEvent(IAuthDbContext db) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
                .UseScopedHandler<SaveSignInEvent>()
                .SetOrder(OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ProcessSignInContext context) => await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>A device's request denied by the user (or refused for them by the sign-in policy): its device code is rejected.</summary>
    public sealed class RecordDeviceDenied(AuditTrail audit, IAuditOrigin origin) : IOpenIddictServerHandler<ProcessChallengeContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessChallengeContext>()
                .UseScopedHandler<RecordDeviceDenied>()
                .SetOrder(OpenIddictServerHandlers.ValidateChallengeDemand.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ProcessChallengeContext context)
        {
            if (context.EndpointType == OpenIddictServerEndpointType.EndUserVerification)
            {
                // The signed-in user who answered (the verification route requires a session).
                audit.Record(AuditEventTypes.OAuthDeviceDenied, origin.ActorId, reason: DeviceClient(context.Transaction));
            }

            return default;
        }
    }

    /// <summary>Saves what <see cref="RecordDeviceDenied"/> recorded when no write of OpenIddict's did.</summary>
    public sealed class SaveChallengeEvent(IAuthDbContext db) : IOpenIddictServerHandler<ProcessChallengeContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessChallengeContext>()
                .UseScopedHandler<SaveChallengeEvent>()
                .SetOrder(OpenIddictServerHandlers.AttachCustomChallengeParameters.Descriptor.Order + 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ProcessChallengeContext context)
        {
            if (context.EndpointType == OpenIddictServerEndpointType.EndUserVerification)
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }
        }
    }

    /// <summary>A token revoked by its client (RFC 7009): recorded before OpenIddict marks it revoked, saved with that.</summary>
    public sealed class RecordRevocation(AuditTrail audit) : IOpenIddictServerHandler<HandleRevocationRequestContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
                .UseScopedHandler<RecordRevocation>()
                .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(HandleRevocationRequestContext context)
        {
            var clientId = context.Request.ClientId;
            audit.Record(AuditEventTypes.OAuthTokenRevoked, UserOf(context.GenericTokenPrincipal, clientId),
                reason: $"{TokenName(context.GenericTokenPrincipal?.GetTokenType())} {clientId}");
            return default;
        }
    }

    /// <summary>
    /// A refresh token presented again after it was used: OpenIddict's next handler revokes its whole family and refuses
    /// it. A refusal, so written in a transaction of its own; the revocation is OpenIddict's own write.
    /// </summary>
    public sealed class RecordRefreshTokenReuse(AuditTrail audit, IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseScopedHandler<RecordRefreshTokenReuse>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateTokenEntry.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            // With no reuse leeway (OAuthServerOptionsSetup), a redeemed refresh token is always a reuse.
            if (context.Principal is not { } principal || !principal.HasTokenType(TokenTypeIdentifiers.RefreshToken)
                || string.IsNullOrEmpty(context.TokenId)
                || await tokens.FindByIdAsync(context.TokenId, context.CancellationToken) is not { } token
                || !await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken))
            {
                return;
            }

            var clientId = principal.GetPresenters().FirstOrDefault();
            await audit.RecordFailureAsync(AuditEventTypes.OAuthRefreshTokenReused, $"family_revoked {clientId}", UserOf(principal, clientId),
                context.CancellationToken);
        }
    }

    /// <summary>The client a device's user code is for (the verification endpoint has no client_id of its own).</summary>
    private static string? DeviceClient(OpenIddictServerTransaction transaction) =>
        transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!)?.UserCodePrincipal?.GetPresenters().FirstOrDefault();

    /// <summary>A token type as its last segment (<c>urn:ietf:params:oauth:token-type:refresh_token</c> is <c>refresh_token</c>).</summary>
    private static string? TokenName(string? type) => type?[(type.LastIndexOf(':') + 1)..];

    /// <summary>The device grant's URN is long; the audit reason names it as registration does (<c>device_code</c>).</summary>
    private static string GrantName(string grant) => grant == GrantTypes.DeviceCode ? "device_code" : grant;

    /// <summary>The user a principal speaks for; none for a client's own token (client credentials: sub is the client).</summary>
    private static string? UserOf(ClaimsPrincipal? principal, string? clientId) =>
        principal?.GetClaim(Claims.Subject) is { } subject && subject != clientId ? subject : null;
}
