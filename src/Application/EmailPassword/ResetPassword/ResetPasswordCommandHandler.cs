using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.EmailPassword.ResetPassword;

internal sealed class ResetPasswordCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    PasswordReset passwordReset,
    TimeProvider clock)
    : ICommandHandler<ResetPasswordCommand, Result<bool>>, IQueryHandler<CheckResetTokenQuery, bool>
{
    private static readonly VerificationPurpose[] Purposes = [VerificationPurpose.PasswordReset];

    public async ValueTask<Result<bool>> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var ticket = await FindUsableAsync(command.Token, cancellationToken);
        if (ticket is null)
        {
            return MailErrors.InvalidToken;
        }

        // Hash before consuming: a busy hasher (503) must not burn the user's link.
        var hash = await passwordHasher.HashAsync(command.NewPassword!, cancellationToken);
        var reset = await passwordReset.ApplyAsync(ticket.UserId, ticket.Email, hash, ct => Tickets.TryConsumeAsync(db, ticket, clock.GetUtcNow(), ct), cancellationToken);
        return reset ? Result<bool>.Success(true) : MailErrors.InvalidToken;
    }

    public async ValueTask<bool> Handle(CheckResetTokenQuery query, CancellationToken cancellationToken) =>
        await FindUsableAsync(query.Token, cancellationToken) is not null;

    /// <summary>
    /// The unused, unexpired reset ticket behind a token, when it was mailed to the address the user has now:
    /// a link sent before a change of email proves nothing about the new address.
    /// </summary>
    private async Task<VerificationTicket?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        var ticket = await Tickets.FindUsableAsync(db, token, Purposes, clock.GetUtcNow(), cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var userId = ticket.UserId;
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return address == ticket.Email ? ticket : null;
    }
}
