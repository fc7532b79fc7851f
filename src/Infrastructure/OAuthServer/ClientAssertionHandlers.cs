using System.Globalization;
using AuthPlatform.Domain.OAuthClients;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Application.Common.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AuthPlatform.Infrastructure.OAuthServer;

/// <summary>
/// private_key_jwt (RFC 7523): OpenIddict checks an assertion's signature against the client's registered JWKS, its
/// type (<c>client-authentication+jwt</c>), issuer and subject (the client id) and its audience (the issuer); what it leaves to us is that an
/// assertion authenticates once. A copied assertion (a log, a proxy) would otherwise be a bearer credential until it
/// expires.
/// </summary>
public static class ClientAssertionHandlers
{
    public static IEnumerable<OpenIddictServerHandlerDescriptor> All =>
    [
        AcceptIssuerAsWritten.Descriptor,
        RefuseReplayedAssertion.Descriptor,
        AnswerInvalidClient<ApplyTokenResponseContext>.Descriptor,
        AnswerInvalidClient<ApplyIntrospectionResponseContext>.Descriptor,
        AnswerInvalidClient<ApplyRevocationResponseContext>.Descriptor,
    ];

    /// <summary>
    /// A client assertion that fails validation is <c>invalid_client</c> (RFC 7523 §3.2), 401. OpenIddict 7.9 answers an
    /// assertion for another audience <c>invalid_token</c>, as if it were the token the request is about; this runs
    /// before the status code is chosen from the error.
    /// </summary>
    public sealed class AnswerInvalidClient<TContext> : IOpenIddictServerHandler<TContext> where TContext : BaseRequestContext
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<TContext>()
                .UseSingletonHandler<AnswerInvalidClient<TContext>>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(TContext context)
        {
            if (!string.IsNullOrEmpty(context.Transaction.Request?.ClientAssertion) && context.Transaction.Response is { Error: Errors.InvalidToken } response)
            {
                response.Error = Errors.InvalidClient;
            }

            return default;
        }
    }

    /// <summary>
    /// The audience of an assertion is the issuer (OpenIddict 7 accepts nothing else, after CVE-2025-27370), which a
    /// client reads from discovery: written as the configured issuer, without the trailing slash OpenIddict's normalized
    /// URI has (ADR 0140). Both forms name this server.
    /// </summary>
    public sealed class AcceptIssuerAsWritten(IOptions<JwtOptions> jwt, IOptions<AuthOptions> auth) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        private readonly string _issuer = jwt.Value.IssuerFor(auth.Value);

        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
                .UseSingletonHandler<AcceptIssuerAsWritten>()
                .SetOrder(OpenIddictServerHandlers.Protection.ValidateAudiences.Descriptor.Order - 1)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ValidateTokenContext context)
        {
            if (context.ValidTokenTypes.Count == 1 && context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion))
            {
                context.ValidAudiences.Add(_issuer);
            }

            return default;
        }
    }

    /// <summary>
    /// Records each valid assertion's jti (within its client) until its expiry, in one atomic insert shared by every
    /// instance; a second use, an assertion without a jti or one already expired is <c>invalid_client</c>.
    /// </summary>
    public sealed class RefuseReplayedAssertion(AuthDbContext db, TimeProvider clock) : IOpenIddictServerHandler<ProcessAuthenticationContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
                .AddFilter<OpenIddictServerHandlerFilters.RequireClientAssertionPrincipal>()
                .UseScopedHandler<RefuseReplayedAssertion>()
                .SetOrder(OpenIddictServerHandlers.ValidateClientAssertionIssuer.Descriptor.Order + 500)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public async ValueTask HandleAsync(ProcessAuthenticationContext context)
        {
            var assertion = context.ClientAssertionPrincipal!;
            var clientId = assertion.GetClaim(Claims.Issuer)!; // OpenIddict has checked iss == sub == the client id
            var tokenId = assertion.GetClaim(Claims.JwtId);
            if (string.IsNullOrEmpty(tokenId))
            {
                context.Reject(Errors.InvalidClient, "The client assertion must carry a jti: each assertion authenticates once.");
                return;
            }

            var expiresAt = long.TryParse(assertion.GetClaim(Claims.ExpiresAt), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exp)
                ? DateTimeOffset.FromUnixTimeSeconds(exp)
                : DateTimeOffset.MinValue;
            if (expiresAt <= clock.GetUtcNow())
            {
                context.Reject(Errors.InvalidClient, "The client assertion has expired.");
                return;
            }

            var digest = OAuthClientAssertionUse.DigestOf(clientId, tokenId);
            var recorded = await db.Database.ExecuteSqlAsync(
                $"insert into oauth_client_assertion_uses (digest, expires_at) values ({digest}, {expiresAt}) on conflict do nothing",
                context.CancellationToken);
            if (recorded == 0)
            {
                context.Reject(Errors.InvalidClient, "This client assertion was already used.");
            }
        }
    }
}
