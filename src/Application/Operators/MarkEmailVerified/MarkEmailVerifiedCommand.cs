using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.MarkEmailVerified;

/// <summary>An operator vouches for a user's address (operator command `mark-email-verified`). True when it changed.</summary>
public sealed record MarkEmailVerifiedCommand(string? Email) : ICommand<Result<bool>>;

internal sealed class MarkEmailVerifiedCommandValidator : AbstractValidator<MarkEmailVerifiedCommand>
{
    public MarkEmailVerifiedCommandValidator() => RuleFor(c => c.Email).EmailAddress();
}

internal sealed class MarkEmailVerifiedCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit) : ICommandHandler<MarkEmailVerifiedCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(MarkEmailVerifiedCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!).Value;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        if (user.EmailVerified)
        {
            return false;
        }

        user.MarkEmailVerified(clock.GetUtcNow());
        audit.Record(AuditEventTypes.EmailVerified, user.Id, reason: "mark-email-verified");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
