using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.TwoFactor;

/// <summary>
/// One single-use recovery code for the second factor, held as the SHA-256 digest of its normalised text
/// (never the code). Codes are 10 characters of [A-Za-z0-9] (about 59 bits), shown once as XXXXX-XXXXX.
/// </summary>
public sealed class BackupCode
{
    public const int CodesPerSet = 10;
    private const int CodeLength = 10;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private BackupCode()
    {
        Id = string.Empty;
        UserId = string.Empty;
        Digest = [];
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] Digest { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    /// <summary>A fresh set: the rows to store and the codes to show the user, once.</summary>
    public static (IReadOnlyList<BackupCode> Rows, IReadOnlyList<string> Codes) NewSet(string userId, DateTimeOffset now)
    {
        var rows = new List<BackupCode>(CodesPerSet);
        var codes = new List<string>(CodesPerSet);
        for (var i = 0; i < CodesPerSet; i++)
        {
            var raw = RandomNumberGenerator.GetString(Alphabet, CodeLength);
            codes.Add($"{raw[..5]}-{raw[5..]}");
            rows.Add(new BackupCode { Id = RandomId.New(), UserId = userId, Digest = ComputeDigest(raw), CreatedAt = now });
        }

        return (rows, codes);
    }

    /// <summary>
    /// The digest of a code as typed: the dash and surrounding spaces are optional, letters keep their case.
    /// Null when the text cannot be a code at all.
    /// </summary>
    public static byte[]? DigestOfTyped(string? typed)
    {
        if (typed is null || typed.Length > 32)
        {
            return null;
        }

        var raw = typed.Trim().Replace("-", string.Empty, StringComparison.Ordinal);
        return raw.Length == CodeLength && raw.All(char.IsAsciiLetterOrDigit) ? ComputeDigest(raw) : null;
    }

    public void MarkUsed(DateTimeOffset now)
    {
        if (UsedAt is not null)
        {
            throw new DomainRuleException("A backup code is used once.");
        }

        UsedAt = now;
    }

    private static byte[] ComputeDigest(string raw) => OpaqueTokenDigest.Of(raw);
}
