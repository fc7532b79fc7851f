using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Application.Common.Models;

/// <summary>
/// A session that was just created (sign-up, sign-in, password change): the only moment its secret
/// <see cref="Token"/> exists in memory. The HTTP layer turns it into a cookie and a response body.
/// </summary>
public sealed record AuthenticatedSession(SessionToken Token, SessionDto Session, UserDto User, bool RememberMe);
