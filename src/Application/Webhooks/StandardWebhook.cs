using System.Security.Cryptography;
using System.Text;

namespace AuthPlatform.Application.Webhooks;

/// <summary>
/// The Standard Webhooks format (standardwebhooks.com), so a receiver verifies a message with the standard library
/// of its language in a few lines: headers <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and
/// <c>webhook-signature</c> (<c>v1,</c> + base64 HMAC-SHA256 of <c>id.timestamp.body</c> under the secret's bytes).
/// </summary>
public static class StandardWebhook
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new signing secret: <c>whsec_</c> + base64 of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Signature(string secret, string messageId, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    public static IReadOnlyDictionary<string, string> Headers(string secret, string messageId, long timestamp, string body) =>
        new Dictionary<string, string>
        {
            ["webhook-id"] = messageId,
            ["webhook-timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["webhook-signature"] = Signature(secret, messageId, timestamp, body),
        };
}
