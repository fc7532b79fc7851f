using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.MagicLink.VerifyMagicLink;

/// <summary>
/// Follow a magic link. GET /magic-link/verify. The link works once, until it expires; it signs in the user at
/// its address (creating one unless Auth:MagicLink:DisableSignUp) through the sign-in pipeline, so a user with
/// a second factor gets the challenge and no session.
/// </summary>
public sealed record VerifyMagicLinkCommand(string? Token, ClientInfo Client, SessionToken? TrustedDevice)
    : ICommand<Result<MagicLinkSignIn>>, IAuditedSignIn
{
    public override string ToString() => "VerifyMagicLinkCommand { Token = *** }";
}

/// <param name="SignedIn">A session, or a pending second factor.</param>
/// <param name="NewUser">The link signed the user up (the frontend's newUserCallbackURL applies).</param>
public sealed record MagicLinkSignIn(SignInOutcome SignedIn, bool NewUser);
