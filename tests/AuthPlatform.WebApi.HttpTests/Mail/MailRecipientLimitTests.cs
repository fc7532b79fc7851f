using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>
/// The per-recipient mail limit (docs/adr/0112-per-recipient-mail-budgets.md): one atomic count, so concurrent
/// requests cannot pass it together; a budget per kind of link, so flooding one kind silences no other; security
/// notices never limited.
/// </summary>
[Trait("Tier", "fast")]
public sealed class MailRecipientLimitTests(TestDatabase database, MailServer mail) : IAsyncLifetime, IClassFixture<MailServer>
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Concurrent_requests_cannot_exceed_the_limit()
    {
        const int Requests = 10;
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("flood1@example.com");

        // While the test holds the outbox table, every request that decided to queue waits at its insert. Once
        // each request has either answered or is waiting there, all of them have made their decision: a
        // count-then-insert lets them all through (none has inserted yet); an atomic count lets three.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("lock table mail_jobs in exclusive mode", holder, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var requests = Enumerable.Range(0, Requests).Select(_ => client.RequestResetAsync("flood1@example.com")).ToArray();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (requests.Count(r => r.IsCompleted) + await WaitingAsync("insert into mail_jobs") < Requests)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{requests.Count(r => r.IsCompleted)} answered, {await WaitingAsync("insert into mail_jobs")} waiting to insert");
            await Task.Delay(50);
        }

        await hold.CommitAsync();
        Assert.All(await Task.WhenAll(requests), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(3, await database.ScalarAsync<int>("select count(*) from mail_jobs where recipient = 'flood1@example.com'"));
    }

    [Fact]
    public async Task The_change_of_email_notice_is_sent_after_verification_and_reset_mails()
    {
        await using var factory = mail.Service(database, new Dictionary<string, string?> { ["Auth:Email:SendOnSignUp"] = "true" });
        var client = factory.CreatePlainClient();
        await client.SignUpAsync("notice1@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/send-verification-email", new { email = "notice1@example.com" })).StatusCode);
        var verification = (await mail.Catcher.WaitForAsync(2, to: "notice1@example.com"))[0].Link;
        Assert.Equal(HttpStatusCode.Found, (await client.GetAsync(MailHttp.PathOf(verification) + "&callbackURL=%2Fwelcome")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.RequestResetAsync("notice1@example.com")).StatusCode);
        await mail.Catcher.WaitForAsync(3, to: "notice1@example.com");

        var session = await client.SignInAsync("notice1@example.com");
        var change = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-email", session.Cookie, new { newEmail = "notice1-new@example.com" }));
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        await mail.Catcher.WaitForAsync(to: "notice1-new@example.com");
        var toOld = await mail.Catcher.WaitForAsync(4, to: "notice1@example.com");
        var notice = Assert.Single(toOld, m => m.Text?.Contains("notice1-new@example.com", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("/api/auth/", notice.Text, StringComparison.Ordinal); // a notice, not a link
    }

    [Fact]
    public async Task A_strangers_reset_requests_do_not_silence_the_owners_verification_mail()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var owner = await client.SignUpAsync("owner1@example.com");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.RequestResetAsync("owner1@example.com")).StatusCode);
        }

        await mail.Catcher.WaitForAsync(3, to: "owner1@example.com");
        var request = AuthApi.WithCookie(HttpMethod.Post, "send-verification-email", owner.Cookie, new { email = "owner1@example.com" });
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        var messages = await mail.Catcher.WaitForAsync(4, to: "owner1@example.com");
        Assert.Single(messages, m => m.Link.Contains("/verify-email", StringComparison.Ordinal));
    }

    /// <summary>Statements of this test's database waiting for a lock whose text starts like <paramref name="statement"/>.</summary>
    private Task<int> WaitingAsync(string statement) => database.ScalarAsync<int>(
        "select count(*)::int from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query ilike '%' || $1 || '%'",
        statement);
}
