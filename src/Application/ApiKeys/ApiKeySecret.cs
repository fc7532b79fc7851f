using System.Security.Cryptography;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>New keys: the prefix, then random letters (BetterAuth's alphabet, so its clients' checks of the format hold).</summary>
public static class ApiKeySecret
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string Generate(string? prefix, int length) => (prefix ?? string.Empty) + RandomNumberGenerator.GetString(Alphabet, length);
}
