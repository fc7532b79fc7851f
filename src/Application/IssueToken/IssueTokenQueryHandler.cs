using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Tokens;
using AuthPlatform.Application.GetSession;
using Mediator;

namespace AuthPlatform.Application.IssueToken;

/// <summary>
/// Looks the session up through <see cref="GetSessionQuery"/> (so revoked, expired and disabled sessions
/// are refused, and logged with their reason, exactly as everywhere else), then signs in memory.
/// </summary>
internal sealed class IssueTokenQueryHandler(ISender sender, AccessTokenIssuer issuer)
    : IQueryHandler<IssueTokenQuery, Result<IssuedToken>>
{
    public async ValueTask<Result<IssuedToken>> Handle(IssueTokenQuery query, CancellationToken cancellationToken)
    {
        var lookup = await sender.Send(new GetSessionQuery(query.Token, DisableRefresh: false, query.CredentialSource), cancellationToken);
        if (!lookup.IsSuccess)
        {
            return lookup.Error!;
        }

        if (lookup.Value.Current is not { } current)
        {
            return Errors.Unauthorized;
        }

        return issuer.Issue(current) is { } jwt
            ? new IssuedToken(jwt, current, lookup.Value.Refreshed)
            : SigningKeyErrors.Unavailable;
    }
}
