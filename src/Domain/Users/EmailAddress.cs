namespace AuthPlatform.Domain.Users;

/// <summary>
/// An email address in its canonical form: trimmed and lower-cased (invariant culture), so the
/// unique index on users.email treats "Ann@Example.com" and "ann@example.com" as one account.
/// </summary>
public readonly record struct EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    /// <summary>Shape check only; deliverability is not our concern here.</summary>
    public static bool TryCreate(string? raw, out EmailAddress email)
    {
        email = default;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return false;
        }

        var value = raw.Trim().ToLowerInvariant();
        if (value.Length > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        if (domain.IndexOf('.') <= 0 || domain.EndsWith(".") || domain.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '\\' or '"' or '[' or ']')
            {
                return false;
            }
        }

        email = new EmailAddress(value);
        return true;
    }

    public static EmailAddress Parse(string raw) =>
        TryCreate(raw, out var email) ? email : throw new FormatException("Not a valid email address.");

    public override string ToString() => Value;
}
