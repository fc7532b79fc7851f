using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailOtp.SignInEmailOtp;

internal sealed class SignInEmailOtpCommandHandler(
    IAuthDbContext db,
    TimeProvider clock,
    IOptions<EmailOtpOptions> options,
    MailedCodes codes,
    SessionIssuer issuer,
    AuditTrail audit)
    : ICommandHandler<SignInEmailOtpCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(SignInEmailOtpCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Errors.EmailSignInDisabled;
        }

        var email = EmailAddress.Parse(command.Email!).Value;
        var judged = await codes.JudgeAsync(MailedSecretKind.SignInCode, email, command.Otp, consume: true, cancellationToken);
        if (!judged.IsSuccess)
        {
            AuthMetrics.SignIn(judged.Error!.Is(Errors.TooManyOtpAttempts) ? AuthMetrics.SignInOutcome.CodeAttemptsExhausted : AuthMetrics.SignInOutcome.WrongCode);
            return judged.Error!;
        }

        var now = clock.GetUtcNow();
        var owner = await ProvenAddressOwner.FindOrCreateAsync(db, audit, email, command.Name, NullIfEmpty(command.Image), !options.Value.DisableSignUp, now, cancellationToken);
        if (owner is null)
        {
            // As BetterAuth: with sign-up off, a code for an address without an account is no code at all.
            return Errors.InvalidOtp;
        }

        var signedIn = await issuer.SignInAsync(new SignInAttempt(owner.User, SignInMethod.EmailCode, RememberMe: true, command.Client, command.TrustedDevice), cancellationToken);
        if (!signedIn.IsSuccess)
        {
            return signedIn;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return Errors.UserAlreadyExists;
        }

        if (signedIn.Value.IsSignedIn)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);
        }

        return signedIn;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
