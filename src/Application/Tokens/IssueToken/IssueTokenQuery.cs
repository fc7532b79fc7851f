using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Tokens.IssueToken;

/// <summary>
/// GET /token: a signed access token for <paramref name="Session"/>, a live session the store has just
/// confirmed (the HTTP layer's session authentication looked it up, with its sliding refresh, so using
/// /token keeps a session alive like any other request). Signing is in memory; a query, so the hot path
/// logs at Debug, not once per token.
/// </summary>
public sealed record IssueTokenQuery(CurrentSession Session) : IQuery<Result<IssuedToken>>;

/// <summary>The signed token.</summary>
public sealed record IssuedToken(string Jwt);
