using System.Security.Cryptography;

namespace AuthPlatform.Domain.Common;

/// <summary>
/// Row identifiers: 32 characters of [A-Za-z0-9] from the CSPRNG (about 190 bits), the same shape
/// BetterAuth uses, so rows imported from a BetterAuth database keep their ids.
/// </summary>
public static class RandomId
{
    public const int Length = 32;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
