using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using Mediator;

namespace AuthPlatform.Application.Mail.VerifyEmail;

/// <summary>
/// Follow a mailed verification link. GET /verify-email. Verifies the user's address, or completes a
/// change of email; with Auth:Email:AutoSignInAfterVerification, the link that verified the address signs
/// the user in through the sign-in pipeline (a second factor is still asked for). A link for an address
/// already verified verifies nothing and signs nobody in.
/// </summary>
public sealed record VerifyEmailCommand(string? Token, ClientInfo Client) : ICommand<Result<VerifyEmailOutcome>>
{
    public override string ToString() => "VerifyEmailCommand { Token = *** }";
}

/// <param name="User">The user as they are now.</param>
/// <param name="SignedIn">A sign-in (a session, or a pending second factor), when auto sign-in is on and the link verified the address.</param>
public sealed record VerifyEmailOutcome(UserDto User, SignInOutcome? SignedIn);
