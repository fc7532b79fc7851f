namespace AuthPlatform.Application.Common.Options;

/// <summary>Sign-in by a mailed link, BetterAuth's magic-link plugin (section "Auth:MagicLink"). Needs the mail transport.</summary>
public sealed class MagicLinkOptions
{
    public const string SectionName = "Auth:MagicLink";

    /// <summary>POST /sign-in/magic-link and GET /magic-link/verify are available.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a link works (BetterAuth's expiresIn, 300 s).</summary>
    public TimeSpan ExpiresIn { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A link for an address without an account signs nobody up (redirect with error=new_user_signup_disabled).</summary>
    public bool DisableSignUp { get; set; }
}
