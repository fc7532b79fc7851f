using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.DeleteApiKey;

internal sealed class DeleteApiKeyCommandHandler(IAuthDbContext db) : ICommandHandler<DeleteApiKeyCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteApiKeyCommand command, CancellationToken cancellationToken)
    {
        var deleted = await db.ApiKeys.Where(k => k.Id == command.KeyId && k.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Errors.ApiKeys.KeyNotFound : Result<bool>.Success(true);
    }
}
