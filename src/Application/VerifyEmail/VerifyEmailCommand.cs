using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.VerifyEmail;

/// <summary>
/// Follow a mailed verification link. GET /verify-email. Verifies the user's address, or completes a
/// change of email; with Auth:Email:AutoSignInAfterVerification a verified user gets a new session.
/// </summary>
public sealed record VerifyEmailCommand(string? Token, ClientInfo Client) : ICommand<Result<VerifyEmailOutcome>>
{
    public override string ToString() => "VerifyEmailCommand { Token = *** }";
}

/// <param name="User">The user as they are now.</param>
/// <param name="SignedIn">A new session, when auto sign-in is on.</param>
public sealed record VerifyEmailOutcome(UserDto User, AuthenticatedSession? SignedIn);
