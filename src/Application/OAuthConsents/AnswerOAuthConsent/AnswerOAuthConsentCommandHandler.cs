using System.Web;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.OAuthConsents;
using AuthPlatform.Application.Common.Exceptions;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.OAuthConsents.AnswerOAuthConsent;

internal sealed class AnswerOAuthConsentCommandHandler(
    OAuthConsentCode codes, IOAuthConsentStore consents, AuditTrail audit, IAuthDbContext db, IOptions<AuthOptions> auth, IOptions<JwtOptions> jwt)
    : ICommandHandler<AnswerOAuthConsentCommand, Result<OAuthConsentAnswer>>
{
    public async ValueTask<Result<OAuthConsentAnswer>> Handle(AnswerOAuthConsentCommand command, CancellationToken cancellationToken)
    {
        if (codes.Read(command.ConsentCode, command.UserId) is not { } pending)
        {
            return Errors.InvalidConsentCode;
        }

        // A code is answered once: a replayed acceptance (or an answer changed afterwards) is refused.
        db.OAuthConsentCodeUses.Add(OAuthConsentCodeUse.Of(command.ConsentCode!, DateTimeOffset.FromUnixTimeSeconds(pending.ExpiresAt)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return Errors.ConsentCodeAlreadyUsed;
        }

        if (command.Accept != true)
        {
            return new OAuthConsentAnswer(Denied(pending));
        }

        audit.Record(AuditEventTypes.OAuthConsentGiven, command.UserId, reason: pending.ClientId);
        await consents.GrantAsync(command.UserId, pending.ClientId, pending.Scopes, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new OAuthConsentAnswer(pending.AuthorizationUrl);
    }

    /// <summary>
    /// Back to the client with access_denied (RFC 6749 4.1.2.1), its state and our issuer (RFC 9207). The redirect URI
    /// is the one the authorization endpoint checked against the client's registration before it issued the consent code.
    /// </summary>
    private string Denied(PendingOAuthConsent pending)
    {
        var request = HttpUtility.ParseQueryString(new Uri(pending.AuthorizationUrl).Query);
        var redirectUri = request["redirect_uri"]!;
        var parameters = new List<(string Name, string? Value)>
        {
            ("error", "access_denied"),
            ("error_description", "The user refused the request."),
            ("state", request["state"]),
            ("iss", jwt.Value.IssuerFor(auth.Value)),
        };
        return redirectUri + (redirectUri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join("&",
            parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)));
    }
}
