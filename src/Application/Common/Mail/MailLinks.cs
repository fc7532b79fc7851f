using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Application.Common.Mail;

/// <summary>
/// The links in mails, always built from the configured base URL (Auth:BaseUrl), never from a request's
/// Host header, so a forged Host cannot point a reset link at someone else's site.
/// </summary>
public static class MailLinks
{
    public static string ResetPassword(AuthOptions options, OneTimeToken token, string? callbackUrl) =>
        $"{Prefix(options)}/reset-password/{token.Value}?callbackURL={Uri.EscapeDataString(callbackUrl ?? string.Empty)}";

    public static string VerifyEmail(AuthOptions options, OneTimeToken token, string? callbackUrl) =>
        $"{Prefix(options)}/verify-email?token={token.Value}&callbackURL={Uri.EscapeDataString(string.IsNullOrEmpty(callbackUrl) ? "/" : callbackUrl)}";

    private static string Prefix(AuthOptions options) => options.BaseUri.AbsoluteUri.TrimEnd('/') + "/" + options.BasePath.Trim('/');
}
