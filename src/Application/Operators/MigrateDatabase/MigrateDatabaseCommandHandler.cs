using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.MigrateDatabase;

internal sealed class MigrateDatabaseCommandHandler(IDatabaseSchema schema) : ICommandHandler<MigrateDatabaseCommand, Result<MigrateDatabaseResult>>
{
    public async ValueTask<Result<MigrateDatabaseResult>> Handle(MigrateDatabaseCommand command, CancellationToken cancellationToken) =>
        command.ScriptOnly
            ? new MigrateDatabaseResult([], await schema.ScriptAsync(cancellationToken))
            : new MigrateDatabaseResult(await schema.MigrateAsync(cancellationToken), null);
}
