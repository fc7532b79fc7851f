namespace AuthPlatform.Domain.Mail;

/// <summary>The kinds of mail the service sends; each has a template pair (text and HTML).</summary>
public enum MailKind
{
    /// <summary>A reset link, for whoever owns the requested address (nothing is sent for an unknown one).</summary>
    PasswordReset,

    /// <summary>A verification link, for an unverified user at the requested address.</summary>
    EmailVerification,

    /// <summary>A link to the new address that completes a change of email.</summary>
    EmailChangeVerification,

    /// <summary>A notice to the old (verified) address that a change of email was asked for.</summary>
    EmailChangeNotice,

    /// <summary>A magic link (sign-in, and sign-up of an unknown address when allowed).</summary>
    MagicLink,

    /// <summary>A one-time code of type "sign-in" (also to an unknown address when sign-up is allowed).</summary>
    SignInCode,

    /// <summary>A one-time code of type "email-verification", for an unverified user.</summary>
    VerificationCode,

    /// <summary>A one-time code of type "forget-password", for whoever owns the address.</summary>
    PasswordResetCode,

    /// <summary>An invitation to join an organization, to whoever holds the address (an account or not).</summary>
    OrganizationInvitation,
}
