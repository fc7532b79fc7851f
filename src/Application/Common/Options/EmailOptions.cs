namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Account recovery and email verification (section "Auth:Email"). The mail transport itself (SMTP) is
/// configured under "Auth:Smtp"; without it the mail routes answer BetterAuth's "not enabled" codes.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Auth:Email";

    /// <summary>An unverified user cannot sign in (403 EMAIL_NOT_VERIFIED) and sign-up starts no session.</summary>
    public bool RequireEmailVerification { get; set; }

    /// <summary>Send a verification link on sign-up. Unset: follows <see cref="RequireEmailVerification"/>, as in BetterAuth.</summary>
    public bool? SendOnSignUp { get; set; }

    /// <summary>Following a verification link signs the user in (a new session cookie).</summary>
    public bool AutoSignInAfterVerification { get; set; }

    /// <summary>A password reset ends every session of the user (BetterAuth keeps them; docs/adr/0082).</summary>
    public bool RevokeSessionsOnPasswordReset { get; set; } = true;

    /// <summary>POST /change-email is available (needs the mail transport too).</summary>
    public bool ChangeEmailEnabled { get; set; } = true;

    public TimeSpan ResetPasswordTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan VerificationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// At most this many mails of one kind (reset, verification, change-of-email link) to one address per
    /// <see cref="PerRecipientWindow"/>, whoever asks; more are silently not sent. Security notices are never limited.
    /// </summary>
    public int PerRecipientLimit { get; set; } = 3;

    /// <summary>No longer than either link lifetime, so the mails that spent a budget still hold working links.</summary>
    public TimeSpan PerRecipientWindow { get; set; } = TimeSpan.FromMinutes(15);

    public bool ShouldSendOnSignUp => SendOnSignUp ?? RequireEmailVerification;
}
