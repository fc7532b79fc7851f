using AuthPlatform.Application.Common.Models;

namespace AuthPlatform.WebApi.Contracts;

// Magic links and email codes (BetterAuth's magic-link and email-otp plugins), as BetterAuth's clients send
// them. Request bodies are classes, not records: a record's ToString() would print the code or password.

/// <summary>POST /sign-in/magic-link.</summary>
public sealed class SignInMagicLinkRequest
{
    public string? Email { get; init; }

    /// <summary>The name of a user the link signs up.</summary>
    public string? Name { get; init; }

    public string? CallbackURL { get; init; }

    public string? NewUserCallbackURL { get; init; }

    public string? ErrorCallbackURL { get; init; }
}

/// <summary>POST /email-otp/send-verification-otp.</summary>
public sealed class SendEmailOtpRequest
{
    public string? Email { get; init; }

    /// <summary>sign-in, email-verification or forget-password.</summary>
    public string? Type { get; init; }
}

/// <summary>POST /email-otp/request-password-reset, POST /forget-password/email-otp.</summary>
public sealed class EmailOtpResetRequest
{
    public string? Email { get; init; }
}

/// <summary>POST /email-otp/check-verification-otp.</summary>
public sealed class CheckEmailOtpRequest
{
    public string? Email { get; init; }

    public string? Type { get; init; }

    public string? Otp { get; init; }
}

/// <summary>POST /email-otp/verify-email.</summary>
public sealed class VerifyEmailOtpRequest
{
    public string? Email { get; init; }

    public string? Otp { get; init; }
}

/// <summary>POST /sign-in/email-otp.</summary>
public sealed class SignInEmailOtpRequest
{
    public string? Email { get; init; }

    public string? Otp { get; init; }

    /// <summary>The name and image of a user the code signs up.</summary>
    public string? Name { get; init; }

    public string? Image { get; init; }
}

/// <summary>POST /email-otp/reset-password.</summary>
public sealed class ResetPasswordEmailOtpRequest
{
    public string? Email { get; init; }

    public string? Otp { get; init; }

    public string? Password { get; init; }
}

/// <summary>GET /magic-link/verify without a callbackURL.</summary>
public sealed record MagicLinkVerifyResponse(string Token, UserDto User, SessionDto Session);

/// <summary>POST /email-otp/verify-email: the session token when the code signed in, else null.</summary>
public sealed record VerifyEmailOtpResponse(bool Status, string? Token, UserDto User);
