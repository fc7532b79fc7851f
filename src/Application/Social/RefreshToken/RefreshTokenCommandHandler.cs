using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.RefreshToken;

internal sealed class RefreshTokenCommandHandler(AccountTokens tokens) : ICommandHandler<RefreshTokenCommand, Result<AccountTokenSet>>
{
    public async ValueTask<Result<AccountTokenSet>> Handle(RefreshTokenCommand command, CancellationToken cancellationToken)
    {
        var current = await tokens.OpenAsync(command.UserId, command.AccountId, command.ProviderId, cancellationToken);
        return current.IsSuccess ? await tokens.RefreshAsync(current.Value, cancellationToken) : current;
    }
}
