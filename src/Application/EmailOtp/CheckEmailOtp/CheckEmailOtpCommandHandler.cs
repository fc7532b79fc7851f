using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailOtp.CheckEmailOtp;

internal sealed class CheckEmailOtpCommandHandler(IAuthDbContext db, IOptions<EmailOtpOptions> options, MailedCodes codes)
    : ICommandHandler<CheckEmailOtpCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(CheckEmailOtpCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Errors.EmailSignInDisabled;
        }

        if (!EmailOtpTypes.TryParse(command.Type, out var kind))
        {
            return Errors.ValidationError; // the validator refused it already
        }

        var address = EmailAddress.Parse(command.Email!).Value;
        var judged = await codes.JudgeAsync(kind, address, command.Otp, consume: false, cancellationToken);
        if (!judged.IsSuccess)
        {
            return judged.Error!;
        }

        // Only the holder of a right code learns this; a sign-in code may be for an address not yet signed up.
        if (kind != MailedSecretKind.SignInCode && !await db.Users.AnyAsync(u => u.Email == address, cancellationToken))
        {
            return Errors.UserNotFound;
        }

        return true;
    }
}
