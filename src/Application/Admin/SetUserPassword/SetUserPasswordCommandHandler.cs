using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.SetUserPassword;

internal sealed class SetUserPasswordCommandHandler(IAuthDbContext db, IPasswordHasher passwordHasher, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<SetUserPasswordCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SetUserPasswordCommand command, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var hash = await passwordHasher.HashAsync(command.NewPassword!, cancellationToken);
        var now = clock.GetUtcNow();

        // A sign-in verifying the old password at this moment compares the stored hash under the credential lock
        // and finds it changed, so it cannot open a session with the old password (PasswordFirstFactor).
        var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == found.Value.Id, cancellationToken);
        if (credential is null)
        {
            db.PasswordCredentials.Add(PasswordCredential.Create(found.Value.Id, hash, now));
        }
        else
        {
            credential.ReplaceHash(hash, now);
        }

        audit.Record(AuditEventTypes.PasswordReset, found.Value.Id, reason: "set-user-password");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
