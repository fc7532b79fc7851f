using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.Operator.Tests;

/// <summary>A user as BetterAuth created them: the password they chose, their id, and their latest session.</summary>
public sealed record BetterAuthAccount(string Email, string Password, string UserId, string Token, string Cookie);

/// <summary>
/// The BetterAuth database the import tests read (never written by the import): made once per test class by
/// BetterAuth itself. Ann signed up and signed in again (two sessions); Bob's password is full-width
/// (NFKC-equal to "password1234"); Cy changed her password; Dee's only session has expired; Olga has only
/// an OAuth account (no password).
/// </summary>
public sealed class BetterAuthSource(TestDatabase database) : IAsyncLifetime
{
    public const string OAuthUserId = "OauthOnlyUser0000000000000000001";
    public const string CyFirstPassword = "first password of cy";

    public string ConnectionString { get; private set; } = string.Empty;

    public string Url => BetterAuthScenario.UrlOf(new NpgsqlConnectionStringBuilder(ConnectionString));

    public BetterAuthAccount Ann { get; private set; } = null!;

    /// <summary>Ann's first session (from her sign-up); <see cref="Ann"/> holds the one from her sign-in.</summary>
    public BetterAuthAccount AnnFirstSession { get; private set; } = null!;

    public BetterAuthAccount Bob { get; private set; } = null!;

    public BetterAuthAccount Cy { get; private set; } = null!;

    public BetterAuthAccount Dee { get; private set; } = null!;

    public IEnumerable<BetterAuthAccount> PasswordUsers => [Ann, Bob, Cy, Dee];

    public async ValueTask InitializeAsync()
    {
        var (connectionString, results) = await BetterAuthScenario.CreateAsync(
            database.AdminConnectionString,
            SignUp("Ann", "ann@example.com", "correct horse battery"),
            new { op = "sign-in", email = "ann@example.com", password = "correct horse battery" },
            SignUp("Bob", "bob@example.com", "ｐａｓｓｗｏｒｄ１２３４"),
            SignUp("Cy", "cy@example.com", CyFirstPassword),
            SignUp("Dee", "dee@example.com", "dee's own passphrase"),
            new
            {
                op = "sql",
                text = """insert into "user" ("id", "name", "email", "emailVerified", "image", "createdAt", "updatedAt") values ($1, 'Olga', 'olga@example.com', true, 'https://example.com/olga.png', now(), now())""",
                values = new[] { OAuthUserId },
            },
            new
            {
                op = "sql",
                text = """insert into "account" ("id", "accountId", "providerId", "userId", "accessToken", "createdAt", "updatedAt") values ('OauthAccount00000000000000000001', '4242', 'github', $1, 'gho_not_a_real_token', now(), now())""",
                values = new[] { OAuthUserId },
            });
        ConnectionString = connectionString;
        AnnFirstSession = Account(results[0]!, "ann@example.com", "correct horse battery");
        Ann = Account(results[1]!, "ann@example.com", "correct horse battery");
        Bob = Account(results[2]!, "bob@example.com", "ｐａｓｓｗｏｒｄ１２３４");
        var cyBefore = Account(results[3]!, "cy@example.com", CyFirstPassword);
        Dee = Account(results[4]!, "dee@example.com", "dee's own passphrase");

        var changes = await BetterAuthScenario.RunAsync(
            ConnectionString,
            new { op = "change-password", cookie = cyBefore.Cookie, currentPassword = CyFirstPassword, newPassword = "second password of cy" },
            new { op = "sql", text = """update "session" set "expiresAt" = now() - interval '1 hour' where "userId" = $1""", values = new[] { Dee.UserId } });
        Assert.Equal(200, changes[0]!["status"]!.GetValue<int>());
        Cy = cyBefore with { Password = "second password of cy" };
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs a scalar query against the BetterAuth database.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object SignUp(string name, string email, string password) => new { op = "sign-up", name, email, password };

    private static BetterAuthAccount Account(JsonNode result, string email, string password)
    {
        Assert.Equal(200, result["status"]!.GetValue<int>());
        return new BetterAuthAccount(email, password, result["userId"]!.GetValue<string>(), result["token"]!.GetValue<string>(), result["cookie"]!.GetValue<string>());
    }
}
