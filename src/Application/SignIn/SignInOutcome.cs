using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.SecondFactors;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Application.SignIn;

/// <summary>
/// A successful password check: either a new <see cref="Session"/> (with a renewed trusted-device token
/// when one was presented), or, for a user with a second factor, a <see cref="SecondFactorChallenge"/>
/// and no session at all until the second factor is verified.
/// </summary>
public sealed record SignInOutcome(AuthenticatedSession? Session, SessionToken? SecondFactorChallenge, IReadOnlyList<string> SecondFactorMethods, SessionToken? RenewedTrustedDevice)
{
    public static SignInOutcome SignedIn(AuthenticatedSession session, SessionToken? renewedTrustedDevice) => new(session, null, [], renewedTrustedDevice);

    public static SignInOutcome SecondFactorRequired(SecondFactorDecision decision) => new(null, decision.Challenge, decision.Methods, null);

    public override string ToString() => Session is null ? "SignInOutcome(second factor required)" : "SignInOutcome(signed in)";
}
