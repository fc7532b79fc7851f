using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The service's URLs for a host without the web layer (which builds them from its routes): fixed strings
/// on the test base URL, enough for use cases that put a URL in a mail or a redirect.
/// </summary>
public sealed class TestServiceUrls : IServiceUrls
{
    private const string Root = "http://localhost/api/auth";

    public string ErrorPage() => $"{Root}/error";

    public string ProviderCallback(string providerId) => $"{Root}/callback/{Uri.EscapeDataString(providerId)}";

    public string ResetPasswordLink(OneTimeToken token, string? callbackUrl) =>
        $"{Root}/reset-password/{token.Value}?callbackURL={Uri.EscapeDataString(callbackUrl ?? string.Empty)}";

    public string VerifyEmailLink(OneTimeToken token, string? callbackUrl) =>
        $"{Root}/verify-email?token={token.Value}&callbackURL={Uri.EscapeDataString(string.IsNullOrEmpty(callbackUrl) ? "/" : callbackUrl)}";

    public string MagicLink(OneTimeToken token, string? callbackUrl, string? newUserCallbackUrl, string? errorCallbackUrl) =>
        $"{Root}/magic-link/verify?token={token.Value}&callbackURL={Uri.EscapeDataString(string.IsNullOrEmpty(callbackUrl) ? "/" : callbackUrl)}";

    public string InvitationLink(string invitationId, string? callbackUrl) => callbackUrl is not null ? $"{callbackUrl}?invitationId={invitationId}" : $"{Root}/organization/get-invitation?id={Uri.EscapeDataString(invitationId)}";
}
