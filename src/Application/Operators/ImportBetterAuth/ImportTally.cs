namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>
/// What an import did with one kind of row: created, updated, or skipped (with the reason). A re-run of
/// the same import creates and updates nothing.
/// </summary>
public sealed record ImportTally(int Created, int Updated, IReadOnlyDictionary<string, int> Skipped)
{
    public static readonly ImportTally None = new(0, 0, new Dictionary<string, int>());

    public int SkippedTotal => Skipped.Values.Sum();

    public ImportTally Add(ImportTally other)
    {
        var skipped = new Dictionary<string, int>(Skipped, StringComparer.Ordinal);
        foreach (var (reason, count) in other.Skipped)
        {
            skipped[reason] = skipped.GetValueOrDefault(reason) + count;
        }

        return new ImportTally(Created + other.Created, Updated + other.Updated, skipped);
    }
}

/// <summary>Why a row was not written. Stable wording: operators read these in the command's report.</summary>
public static class ImportSkipReasons
{
    public const string UpToDate = "already up to date";
    public const string ChangedHere = "changed here since the last import";
    public const string EmailTaken = "email belongs to another account here";
    public const string InvalidEmail = "email not valid";
    public const string InvalidName = "name empty or too long";
    public const string InvalidImage = "image URL too long";
    public const string InvalidId = "id too long";
    public const string NoPassword = "no password (another sign-in method)";
    public const string UnsupportedHash = "password hash in an unsupported format";
    public const string HashOutOfBounds = "password hash cost parameters out of bounds";
    public const string UserNotImported = "its user was not imported";
    public const string InvalidToken = "token not in a known format";
    public const string PastAbsoluteLifetime = "older than the absolute session lifetime";
    public const string TokenConflict = "token already belongs to another session here";
}

/// <summary>Counts skips by reason while a batch is processed.</summary>
internal sealed class ImportTallyBuilder
{
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private int _created;
    private int _updated;

    public void Created() => _created++;

    public void Updated() => _updated++;

    public void Skipped(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;

    public ImportTally Build() => new(_created, _updated, new Dictionary<string, int>(_skipped, StringComparer.Ordinal));
}
