using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Application.Operators.ResetTwoFactor;

internal sealed partial class ResetTwoFactorCommandHandler(IAuthDbContext db, TimeProvider clock, ILogger<ResetTwoFactorCommandHandler> logger)
    : ICommandHandler<ResetTwoFactorCommand, Result<TwoFactorReset>>
{
    public async ValueTask<Result<TwoFactorReset>> Handle(ResetTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!).Value;
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Errors.UserNotFound;
        }

        var removed = await SecondFactorRemoval.RemoveAllAsync(db, userId, cancellationToken);
        var now = clock.GetUtcNow();
        Reset(logger, userId, command.Operator, now, removed > 0);
        return new TwoFactorReset(userId, removed > 0, now);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "Second factor of user {UserId} reset by operator {Operator} at {ResetAt:O} (had one: {HadSecondFactor})")]
    private static partial void Reset(ILogger logger, string userId, string @operator, DateTimeOffset resetAt, bool hadSecondFactor);
}
