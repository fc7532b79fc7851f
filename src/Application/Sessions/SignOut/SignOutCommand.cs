using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Sessions.SignOut;

/// <summary>
/// End the session the client holds, if any. POST /sign-out. Succeeds without a session too: signing
/// out is always allowed, and the HTTP layer expires the cookies either way.
/// </summary>
public sealed record SignOutCommand(SessionToken? Token) : ICommand<Result<SignOutResult>>;

/// <summary>Whether a live session was found and revoked.</summary>
public sealed record SignOutResult(bool SessionRevoked);
