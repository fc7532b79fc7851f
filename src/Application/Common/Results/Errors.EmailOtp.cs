namespace AuthPlatform.Application.Common.Results;

/// <summary>Mailed one-time codes and magic links, with BetterAuth's codes (email-otp and magic-link plugins).</summary>
public static partial class Errors
{
    public static readonly Error InvalidOtp = new(ErrorKind.Validation, "INVALID_OTP", "Invalid OTP");

    public static readonly Error OtpExpired = new(ErrorKind.Validation, "OTP_EXPIRED", "OTP expired");

    /// <summary>The code's guesses are spent: even the right code is refused now; the user asks for a new one.</summary>
    public static readonly Error TooManyOtpAttempts = new(ErrorKind.Forbidden, "TOO_MANY_ATTEMPTS", "Too many attempts");

    /// <summary>Sign-in by magic link or email code is turned off (Auth:MagicLink:Enabled, Auth:EmailOtp:Enabled), or mail is.</summary>
    public static readonly Error EmailSignInDisabled = new(ErrorKind.NotFound, "EMAIL_SIGN_IN_DISABLED", "Sign-in by email link or code is not enabled");

    /// <summary>A followed magic link's failures, which are redirects with ?error=&lt;code&gt; in BetterAuth's lower-case codes.</summary>
    public static class MagicLinkRedirect
    {
        /// <summary>The link was for an address without an account, and Auth:MagicLink:DisableSignUp is on.</summary>
        public static readonly Error NewUserSignupDisabled = new(ErrorKind.Forbidden, "new_user_signup_disabled", "new user signup disabled");
    }
}
