namespace AuthPlatform.Domain.Verification;

/// <summary>What a one-time link proves when it is followed.</summary>
public enum VerificationPurpose
{
    /// <summary>The holder may set a new password for the user.</summary>
    PasswordReset,

    /// <summary>The holder receives mail at the user's address: mark it verified.</summary>
    EmailVerification,

    /// <summary>The holder receives mail at the new address: move the user to it, verified.</summary>
    EmailChange,
}
