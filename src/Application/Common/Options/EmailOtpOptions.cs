namespace AuthPlatform.Application.Common.Options;

/// <summary>Mailed one-time codes, BetterAuth's email-otp plugin (section "Auth:EmailOtp"). Needs the mail transport.</summary>
public sealed class EmailOtpOptions
{
    public const string SectionName = "Auth:EmailOtp";

    /// <summary>The /email-otp/* routes, /sign-in/email-otp and /forget-password/email-otp are available.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a code works (BetterAuth's expiresIn, 300 s).</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Guesses judged per code (BetterAuth's allowedAttempts); the next answers TOO_MANY_ATTEMPTS, even with the right code.</summary>
    public int AllowedAttempts { get; set; } = 3;

    /// <summary>A sign-in code is not sent to an address without an account, and /sign-in/email-otp creates none.</summary>
    public bool DisableSignUp { get; set; }
}
