using System.Globalization;
using System.Security.Cryptography;

namespace AuthPlatform.Domain.Verification;

/// <summary>
/// A one-time code mailed for sign-in, verification or reset: six decimal digits from the CSPRNG. Only a
/// keyed digest is stored (a plain digest of a million possible values is no secret).
/// </summary>
public readonly struct EmailCode
{
    public const int Length = 6;

    private EmailCode(string value) => Value = value;

    public string Value { get; }

    public static EmailCode Generate() =>
        new(RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>Accepts six ASCII digits; anything else cannot match.</summary>
    public static bool TryParse(string? text, out EmailCode code)
    {
        code = default;
        if (text is not { Length: Length } || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        code = new EmailCode(text);
        return true;
    }

    public override string ToString() => "EmailCode(***)";
}
