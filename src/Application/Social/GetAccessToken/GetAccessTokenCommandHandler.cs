using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.GetAccessToken;

internal sealed class GetAccessTokenCommandHandler(AccountTokens tokens) : ICommandHandler<GetAccessTokenCommand, Result<AccountTokenSet>>
{
    public async ValueTask<Result<AccountTokenSet>> Handle(GetAccessTokenCommand command, CancellationToken cancellationToken)
    {
        var current = await tokens.OpenAsync(command.UserId, command.AccountId, command.ProviderId, cancellationToken);
        if (!current.IsSuccess)
        {
            return current;
        }

        if (tokens.ExpiresSoon(current.Value) && current.Value.Tokens.RefreshToken is not null)
        {
            var refreshed = await tokens.RefreshAsync(current.Value, cancellationToken);
            return refreshed.IsSuccess ? refreshed : SocialErrors.FailedToGetAccessToken;
        }

        return current.Value.Tokens.AccessToken is null ? SocialErrors.FailedToGetAccessToken : current;
    }
}
