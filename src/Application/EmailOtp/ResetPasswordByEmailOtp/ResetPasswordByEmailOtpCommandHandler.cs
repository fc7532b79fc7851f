using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailOtp.ResetPasswordByEmailOtp;

internal sealed class ResetPasswordByEmailOtpCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IOptions<EmailOtpOptions> options,
    MailedCodes codes,
    PasswordReset passwordReset)
    : ICommandHandler<ResetPasswordByEmailOtpCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(ResetPasswordByEmailOtpCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return Errors.EmailSignInDisabled;
        }

        // Judged (one attempt taken) but not used yet: a busy hasher (503) must not burn the code.
        var address = EmailAddress.Parse(command.Email!).Value;
        var judged = await codes.JudgeAsync(MailedSecretKind.PasswordResetCode, address, command.Otp, consume: false, cancellationToken);
        if (!judged.IsSuccess)
        {
            return judged.Error!;
        }

        var userId = await db.Users.Where(u => u.Email == address).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Errors.UserNotFound;
        }

        var hash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        var code = judged.Value;
        var reset = await passwordReset.ApplyAsync(userId, address, hash, ct => codes.TryConsumeAsync(code, ct), cancellationToken);
        return reset ? true : Errors.InvalidOtp;
    }
}
