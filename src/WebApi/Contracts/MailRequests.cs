namespace AuthPlatform.WebApi.Contracts;

// Request bodies of password reset, email verification and change of email, as BetterAuth's client
// sends them. Classes, not records: a record's ToString() would print the password.

/// <summary>POST /request-password-reset.</summary>
public sealed class RequestPasswordResetRequest
{
    public string? Email { get; init; }

    /// <summary>Where the mailed link leads (the frontend's reset page): relative, or on a trusted origin.</summary>
    public string? RedirectTo { get; init; }
}

/// <summary>POST /reset-password.</summary>
public sealed class ResetPasswordRequest
{
    public string? NewPassword { get; init; }

    public string? Token { get; init; }
}

/// <summary>POST /send-verification-email.</summary>
public sealed class SendVerificationEmailRequest
{
    public string? Email { get; init; }

    public string? CallbackURL { get; init; }
}

/// <summary>POST /change-email.</summary>
public sealed class ChangeEmailRequest
{
    public string? NewEmail { get; init; }

    public string? CallbackURL { get; init; }
}

/// <summary>The answer of POST /request-password-reset, the same for every address.</summary>
public sealed record PasswordResetRequestedResponse(bool Status, string Message)
{
    public static PasswordResetRequestedResponse Instance { get; } =
        new(true, "If this email exists in our system, check your email for the reset link");
}

/// <summary>The answer of GET /verify-email without a callbackURL (BetterAuth sends user: null).</summary>
public sealed record VerifyEmailResponse(bool Status, object? User);
