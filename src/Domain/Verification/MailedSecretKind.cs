namespace AuthPlatform.Domain.Verification;

/// <summary>What a mailed sign-in link or one-time code is for (BetterAuth's magic-link and email-otp plugins).</summary>
public enum MailedSecretKind
{
    /// <summary>A magic link: following it signs in (and signs up an unknown address, when allowed).</summary>
    MagicLink,

    /// <summary>An email code of type "sign-in".</summary>
    SignInCode,

    /// <summary>An email code of type "email-verification".</summary>
    VerificationCode,

    /// <summary>An email code of type "forget-password".</summary>
    PasswordResetCode,
}
