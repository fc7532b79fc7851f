using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Application.Mail.VerifyEmail;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailOtp.VerifyEmailOtp;

internal sealed class VerifyEmailOtpCommandHandler(
    IAuthDbContext db,
    IMapper mapper,
    TimeProvider clock,
    IOptions<EmailOtpOptions> options,
    IOptions<EmailOptions> email,
    MailedCodes codes,
    SessionIssuer issuer)
    : ICommandHandler<VerifyEmailOtpCommand, Result<VerifyEmailOutcome>>
{
    public async ValueTask<Result<VerifyEmailOutcome>> Handle(VerifyEmailOtpCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Errors.EmailSignInDisabled;
        }

        var address = EmailAddress.Parse(command.Email!).Value;
        var judged = await codes.JudgeAsync(MailedSecretKind.VerificationCode, address, command.Otp, consume: true, cancellationToken);
        if (!judged.IsSuccess)
        {
            return judged.Error!;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == address, cancellationToken);
        if (user is null || user.IsDisabledAt(clock.GetUtcNow()))
        {
            return Errors.UserNotFound;
        }

        // The code proved the address: on a never-verified account, what was added before goes (ADR 0111).
        var now = clock.GetUtcNow();
        var provedAddress = await UnprovenMethods.RemoveOnFirstProofAsync(db, user, now, cancellationToken);

        // As the verification link: only the code that proved the address signs in.
        SignInOutcome? signedIn = null;
        if (email.Value.AutoSignInAfterVerification && provedAddress)
        {
            var started = await issuer.SignInAsync(new SignInAttempt(user, SignInMethod.EmailCode, RememberMe: true, command.Client), cancellationToken);
            signedIn = started.IsSuccess ? started.Value : null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new VerifyEmailOutcome(mapper.Map<UserDto>(user), signedIn);
    }
}
