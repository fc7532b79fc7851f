using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.MagicLink.VerifyMagicLink;

internal sealed class VerifyMagicLinkCommandHandler(
    IAuthDbContext db,
    TimeProvider clock,
    IOptions<MagicLinkOptions> options,
    SessionIssuer issuer,
    AuditTrail audit)
    : ICommandHandler<VerifyMagicLinkCommand, Result<MagicLinkSignIn>>
{
    public async ValueTask<Result<MagicLinkSignIn>> Handle(VerifyMagicLinkCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Errors.EmailSignInDisabled;
        }

        // Used here, before anything else: an unknown, altered, used or expired link is one answer.
        var now = clock.GetUtcNow();
        var link = await MagicLinks.TryUseAsync(db, command.Token, now, cancellationToken);
        if (link is null)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.WrongCode);
            return Errors.InvalidToken;
        }

        var owner = await ProvenAddressOwner.FindOrCreateAsync(db, audit, link.Email, link.Name, image: null, !options.Value.DisableSignUp, now, cancellationToken);
        if (owner is null)
        {
            return Errors.MagicLinkRedirect.NewUserSignupDisabled;
        }

        var signedIn = await issuer.SignInAsync(new SignInAttempt(owner.User, SignInMethod.MagicLink, RememberMe: true, command.Client, command.TrustedDevice), cancellationToken);
        if (!signedIn.IsSuccess)
        {
            return signedIn.Error!;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another link or code signed the address up between our lookup and our insert.
            return Errors.UserAlreadyExists;
        }

        if (signedIn.Value.IsSignedIn)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);
        }

        return new MagicLinkSignIn(signedIn.Value, owner.Created);
    }
}
