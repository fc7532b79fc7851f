using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.SignInSocial;

internal sealed class SignInSocialCommandHandler(SocialAuthorization authorization)
    : ICommandHandler<SignInSocialCommand, Result<SocialAuthorizationStarted>>
{
    public async ValueTask<Result<SocialAuthorizationStarted>> Handle(SignInSocialCommand command, CancellationToken cancellationToken)
    {
        if (command.HasIdToken)
        {
            return SocialErrors.IdTokenNotSupported;
        }

        return await authorization.StartAsync(command.Provider!, command.Redirects, command.Scopes, command.LoginHint, linkUserId: null, cancellationToken);
    }
}
