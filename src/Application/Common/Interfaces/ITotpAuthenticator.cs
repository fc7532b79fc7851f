namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>RFC 6238 TOTP: HMAC-SHA1, 6 digits, 30-second steps, one step of clock drift either way.</summary>
public interface ITotpAuthenticator
{
    /// <summary>A new random shared key (20 bytes, as RFC 4226 recommends).</summary>
    byte[] NewSecret();

    /// <summary>The otpauth:// URI an authenticator app scans (base32 secret, issuer, account).</summary>
    string ProvisioningUri(ReadOnlySpan<byte> secret, string issuer, string account);

    /// <summary>The time step <paramref name="code"/> is valid for at <paramref name="now"/> (±1 step), or null.</summary>
    long? MatchStep(ReadOnlySpan<byte> secret, string code, DateTimeOffset now);
}
