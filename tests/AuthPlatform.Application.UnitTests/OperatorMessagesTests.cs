using AuthPlatform.Application.Operators.CreateUser;
using AuthPlatform.Application.Operators.ImportBetterAuth;

namespace AuthPlatform.Application.UnitTests;

/// <summary>Messages of the operator use cases never print the secrets they carry (logs print messages by ToString).</summary>
public sealed class OperatorMessagesTests
{
    [Fact]
    public void Create_user_hides_the_password_and_email()
    {
        var text = new CreateUserCommand("Ann", "ann@example.com", "hunter2 hunter2").ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_credentials_and_sessions_hide_hashes_and_tokens()
    {
        var now = DateTimeOffset.UtcNow;
        var credential = new BetterAuthCredential("c1", "00112233445566778899aabbccddeeff:deadbeef", now, now);
        var session = new BetterAuthSession("s1", "u1", "TokenTokenTokenTokenTokenToken42", now, now, now, null, null);
        var user = new BetterAuthUser("u1", "Ann", "ann@example.com", true, null, now, now, credential);
        var run = new ImportBetterAuthCommand("postgres://db.example.com/betterauth", "hunter2-database-password", IncludeSessions: true, DryRun: false);

        Assert.DoesNotContain("deadbeef", credential.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("deadbeef", user.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TokenToken", session.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.ToString(), StringComparison.Ordinal);
        Assert.Contains("IncludeSessions = True", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tallies_add_up_per_reason()
    {
        var first = new ImportTally(1, 2, new Dictionary<string, int> { ["a"] = 1 });
        var second = new ImportTally(3, 0, new Dictionary<string, int> { ["a"] = 2, ["b"] = 5 });

        var sum = first.Add(second);

        Assert.Equal((4, 2, 3, 5, 8), (sum.Created, sum.Updated, sum.Skipped["a"], sum.Skipped["b"], sum.SkippedTotal));
    }
}
