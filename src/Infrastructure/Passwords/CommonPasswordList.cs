using System.Collections.Frozen;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Validation;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// The common-password list embedded in this assembly (Passwords/common-passwords.txt), read once.
/// Matches the NFKC-normalised, lower-cased password, so case variants of a listed password are refused too.
/// </summary>
public sealed class CommonPasswordList : ICommonPasswordList
{
    public const string ResourceName = "AuthPlatform.Infrastructure.Passwords.common-passwords.txt";

    private readonly Lazy<FrozenSet<string>> _passwords = new(Load);

    public int Count => _passwords.Value.Count;

    public bool Contains(string password) =>
        password.Length <= PasswordRules.MaxLength * 4
        && _passwords.Value.Contains(PasswordRules.Normalize(password).ToLowerInvariant());

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
