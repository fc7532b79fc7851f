using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.LinkSocial;

internal sealed class LinkSocialCommandHandler(SocialAuthorization authorization, VerifiedAddressPolicy verifiedAddress)
    : ICommandHandler<LinkSocialCommand, Result<SocialAuthorizationStarted>>
{
    public async ValueTask<Result<SocialAuthorizationStarted>> Handle(LinkSocialCommand command, CancellationToken cancellationToken)
    {
        if (command.HasIdToken)
        {
            return SocialErrors.IdTokenNotSupported;
        }

        if (await verifiedAddress.CheckAsync(command.UserId, cancellationToken) is { } unverified)
        {
            return unverified;
        }

        return await authorization.StartAsync(command.Provider!, command.Redirects, command.Scopes, command.LoginHint, command.UserId, cancellationToken);
    }
}
