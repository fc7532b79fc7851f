using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Tokens;
using Mediator;

namespace AuthPlatform.Application.Tokens.IssueToken;

/// <summary>Signs an access token for the session; 503 (SigningKeyErrors.Unavailable) while no signing key is active.</summary>
internal sealed class IssueTokenQueryHandler(AccessTokenIssuer issuer)
    : IQueryHandler<IssueTokenQuery, Result<IssuedToken>>
{
    public ValueTask<Result<IssuedToken>> Handle(IssueTokenQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<IssuedToken>>(issuer.Issue(query.Session) is { } jwt
            ? new IssuedToken(jwt)
            : SigningKeyErrors.Unavailable);
}
