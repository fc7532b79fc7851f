using System.Security.Cryptography;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Domain.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.OAuthDynamicRegistration.RegisterDynamicOAuthClient;

internal sealed class RegisterDynamicOAuthClientCommandHandler(OAuthClientRegistrar registrar, IOptions<OAuthServerOptions> oauth, TimeProvider clock)
    : ICommandHandler<RegisterDynamicOAuthClientCommand, Result<DynamicallyRegisteredClient>>
{
    public async ValueTask<Result<DynamicallyRegisteredClient>> Handle(RegisterDynamicOAuthClientCommand command, CancellationToken cancellationToken)
    {
        if (oauth.Value.ClientRegistrationToken is { Length: > 0 } expected
            && (command.InitialAccessToken is not { Length: > 0 } presented
                || !CryptographicOperations.FixedTimeEquals(OpaqueTokenDigest.Of(presented), OpaqueTokenDigest.Of(expected))))
        {
            return Errors.InvalidInitialAccessToken;
        }

        var method = command.AuthMethod;
        var type = method == RegisterDynamicOAuthClientCommand.None ? RegisterOAuthClientCommand.Public : RegisterOAuthClientCommand.Confidential;
        var scopes = command.ScopeList.Distinct(StringComparer.Ordinal).ToArray();
        // The validator has checked what the operator command's validator checks, within the operator's narrower limits.
        var registered = await registrar.RegisterAsync(new RegisterOAuthClientCommand(
            command.ClientName, type, command.RedirectUris ?? [], [], command.Grants, scopes, [], FirstParty: false,
            method == RegisterDynamicOAuthClientCommand.PrivateKeyJwt ? command.Jwks : null), cancellationToken);

        return new DynamicallyRegisteredClient(registered.ClientId, registered.ClientSecret, clock.GetUtcNow(),
            command.ClientName!.Trim(), command.RedirectUris ?? [], command.Grants,
            command.Grants.Contains(RegisterOAuthClientCommand.AuthorizationCode) ? ["code"] : [], method, string.Join(' ', scopes));
    }
}
