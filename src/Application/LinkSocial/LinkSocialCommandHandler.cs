using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Social;
using Mediator;

namespace AuthPlatform.Application.LinkSocial;

internal sealed class LinkSocialCommandHandler(SocialAuthorization authorization)
    : ICommandHandler<LinkSocialCommand, Result<SocialAuthorizationStarted>>
{
    public async ValueTask<Result<SocialAuthorizationStarted>> Handle(LinkSocialCommand command, CancellationToken cancellationToken) =>
        command.HasIdToken
            ? SocialErrors.IdTokenNotSupported
            : await authorization.StartAsync(command.Provider!, command.Redirects, command.Scopes, command.LoginHint, command.UserId, cancellationToken);
}
