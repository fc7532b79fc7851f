using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.RegisterOAuthClient;

internal sealed class RegisterOAuthClientCommandHandler(OAuthClientRegistrar registrar)
    : ICommandHandler<RegisterOAuthClientCommand, Result<RegisteredOAuthClient>>
{
    public async ValueTask<Result<RegisteredOAuthClient>> Handle(RegisterOAuthClientCommand command, CancellationToken cancellationToken) =>
        await registrar.RegisterAsync(command, cancellationToken);
}
