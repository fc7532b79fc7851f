using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>
/// Where the browser goes when a way of signing in ends at a URL (social callback, email link, magic
/// link): the target itself, or the target with <c>twoFactorRedirect=true</c> when the sign-in waits for
/// its second factor, so the frontend asks for the code and verify-totp finishes it (BetterAuth's
/// two-factor plugin names the parameter). One place, so every redirecting way in says it the same way.
/// </summary>
public static class SignInRedirect
{
    public const string SecondFactorParameter = "twoFactorRedirect";

    /// <summary>The absolute URL for <paramref name="target"/> (an allowed redirect target) after <paramref name="outcome"/>.</summary>
    public static string For(string target, SignInOutcome? outcome, AuthOptions options) =>
        outcome is { IsSignedIn: false }
            ? RedirectTargets.WithParameter(target, options, SecondFactorParameter, "true")
            : new Uri(options.BaseUri, target).AbsoluteUri;
}
