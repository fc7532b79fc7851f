using System.Net;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>
/// A reset against a sign-in in flight (ADR 0087 applied to reset): the reset takes the credential row's lock,
/// so a sign-in verified against the old password either commits first and is ended by the reset, or creates
/// nothing.
/// </summary>
[Trait("Tier", "fast")]
public sealed class ResetPasswordRaceTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    private const string NewPassword = "a brand new passphrase 42";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_sign_in_with_the_old_password_does_not_outlive_a_reset_that_ran_while_it_was_writing_its_session()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("race1@example.com");
        await client.RequestResetAsync("race1@example.com");
        var token = MailHttp.ResetTokenOf(Assert.Single(await mail.Catcher.WaitForAsync(to: "race1@example.com")).Link);

        // Hold the sessions table: the sign-in verifies the old password, takes the credential lock and then
        // waits at its session insert, uncommitted. The reset comes in exactly then.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("lock table sessions in exclusive mode", holder, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var signIn = client.PostSignInAsync("race1@example.com", AuthApi.Password);
        await WaitUntilAsync(async () => await WaitingAsync("insert into sessions") == 1, "the sign-in to wait at its session insert");
        var reset = client.ResetPasswordAsync(token, NewPassword);

        // The reset either finishes (it did not wait for the sign-in) or waits for a lock (the credential row's,
        // or the sessions table's): either way it has done what it does before the sign-in commits.
        await WaitUntilAsync(async () => reset.IsCompleted || await WaitingAsync(string.Empty) >= 2, "the reset to finish or wait");
        await hold.CommitAsync();

        Assert.Equal(HttpStatusCode.OK, (await reset).StatusCode);
        var signedIn = await signIn;
        if (signedIn.StatusCode == HttpStatusCode.OK)
        {
            var cookie = AuthApi.SessionSetCookie(signedIn)!.Split(';')[0];
            Assert.Equal("null", await (await client.GetSessionAsync(cookie, "?disableCookieCache=true")).Content.ReadAsStringAsync());
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signedIn.StatusCode);
        }

        Assert.Equal(0, await database.ScalarAsync<int>("select count(*)::int from sessions where revoked_at is null"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostSignInAsync("race1@example.com", AuthApi.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("race1@example.com", NewPassword)).StatusCode);
    }

    private Task<int> WaitingAsync(string statement) => database.ScalarAsync<int>(
        "select count(*)::int from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%' || $1 || '%'",
        statement);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
