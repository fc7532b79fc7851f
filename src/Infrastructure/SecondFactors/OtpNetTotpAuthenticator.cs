using System.Globalization;
using AuthPlatform.Application.Common.Interfaces;
using OtpNet;

namespace AuthPlatform.Infrastructure.SecondFactors;

/// <summary>RFC 6238 through Otp.NET: HMAC-SHA1, 6 digits, 30-second steps, ±1 step (BetterAuth's parameters).</summary>
public sealed class OtpNetTotpAuthenticator : ITotpAuthenticator
{
    private const int Digits = 6;
    private const int PeriodSeconds = 30;
    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    public string ProvisioningUri(ReadOnlySpan<byte> secret, string issuer, string account)
    {
        var base32 = Base32Encoding.ToString(secret.ToArray()).TrimEnd('=');
        return string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={base32}&issuer={Uri.EscapeDataString(issuer)}&digits={Digits}&period={PeriodSeconds}");
    }

    public long? MatchStep(ReadOnlySpan<byte> secret, string code, DateTimeOffset now)
    {
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret.ToArray(), PeriodSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;
    }
}
