using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Verification;
using AuthPlatform.WebApi.Controllers;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Routing;

/// <summary>
/// <see cref="IServiceUrls"/> from the route table: LinkGenerator resolves each action's template (with
/// Auth:BasePath, <see cref="AuthBasePathConvention"/>), on the base URL's scheme, host and path. Works
/// outside a request too (the mail sender builds links in the background).
/// </summary>
public sealed class ServiceUrls(LinkGenerator links, IOptions<AuthOptions> auth) : IServiceUrls
{
    public string ErrorPage() =>
        Build(nameof(SocialController.Error), Name<SocialController>(), values: null);

    public string ProviderCallback(string providerId) =>
        Build(nameof(SocialController.Callback), Name<SocialController>(), new RouteValueDictionary { ["providerId"] = providerId });

    public string ResetPasswordLink(OneTimeToken token, string? callbackUrl) =>
        Build(nameof(PasswordResetController.Forward), Name<PasswordResetController>(),
            new RouteValueDictionary { ["token"] = token.Value, ["callbackURL"] = callbackUrl ?? string.Empty });

    public string VerifyEmailLink(OneTimeToken token, string? callbackUrl) =>
        Build(nameof(EmailVerificationController.Verify), Name<EmailVerificationController>(),
            new RouteValueDictionary { ["token"] = token.Value, ["callbackURL"] = string.IsNullOrEmpty(callbackUrl) ? "/" : callbackUrl });

    public string MagicLink(OneTimeToken token, string? callbackUrl, string? newUserCallbackUrl, string? errorCallbackUrl)
    {
        var values = new RouteValueDictionary { ["token"] = token.Value, ["callbackURL"] = string.IsNullOrEmpty(callbackUrl) ? "/" : callbackUrl };
        if (!string.IsNullOrEmpty(newUserCallbackUrl))
        {
            values["newUserCallbackURL"] = newUserCallbackUrl;
        }

        if (!string.IsNullOrEmpty(errorCallbackUrl))
        {
            values["errorCallbackURL"] = errorCallbackUrl;
        }

        return Build(nameof(MagicLinkController.Verify), Name<MagicLinkController>(), values);
    }

    public string InvitationLink(string invitationId, string? callbackUrl) =>
        !string.IsNullOrEmpty(callbackUrl)
            ? RedirectTargets.WithParameter(callbackUrl, auth.Value, "invitationId", invitationId)
            : Build(nameof(OrganizationInvitationController.GetInvitation), Name<OrganizationInvitationController>(), new RouteValueDictionary { ["id"] = invitationId });

    private string Build(string action, string controller, RouteValueDictionary? values)
    {
        var baseUri = auth.Value.BaseUri;
        return links.GetUriByAction(action, controller, values, baseUri.Scheme, HostString.FromUriComponent(baseUri.Authority), new PathString(baseUri.AbsolutePath.TrimEnd('/')))
            ?? throw new InvalidOperationException($"No route to {controller}.{action}: the controllers are not mapped.");
    }

    private static string Name<TController>() => typeof(TController).Name[..^"Controller".Length];
}
