using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Mail;

/// <summary>
/// The outbox under failure: a mail-server outage delays mail and loses none; two instances on one
/// outbox send every message exactly once.
/// </summary>
[Trait("Tier", "fast")]
public sealed class MailOutageTests(TestDatabase database, MailServer mail, ITestOutputHelper output) : IAsyncLifetime, IClassFixture<MailServer>
{
    private const int Burst = 100;

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_burst_during_an_smtp_outage_is_answered_and_delivered_once_when_it_is_back()
    {
        await using var factory = mail.Service(database);
        var client = factory.CreatePlainClient();
        var users = await SignUpManyAsync(client, "outage", Burst);

        await mail.Catcher.StopAsync();
        var answers = await Task.WhenAll(users.Select(u => client.RequestResetAsync(u)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        await WaitUntilAsync(async () => await database.ScalarAsync<int>("select count(*) from mail_jobs where attempts > 0") > 0, "a delivery to fail");
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from mail_jobs where completed_at is not null"));

        await mail.Catcher.StartAgainAsync();
        var delivered = await mail.Catcher.WaitForAsync(Burst, timeout: TimeSpan.FromSeconds(60));
        await Task.Delay(1500); // a duplicate would show up now
        delivered = (await mail.Catcher.MessagesAsync()).Where(m => m.Recipients.Any(r => r.StartsWith("outage", StringComparison.Ordinal))).ToList();

        output.WriteLine($"{answers.Length} answers of 200; {delivered.Count} messages delivered; max attempts {await database.ScalarAsync<int>("select max(attempts) from mail_jobs")}");
        Assert.Equal(Burst, delivered.Count);
        Assert.Equal(users.Order(), delivered.SelectMany(m => m.Recipients).Order());
        Assert.Equal(Burst, await database.ScalarAsync<int>("select count(*) from mail_jobs where outcome = 'Sent'"));
    }

    [Fact]
    public async Task Two_instances_on_one_outbox_send_every_message_exactly_once()
    {
        await using var first = mail.Service(database);
        await using var second = mail.Service(database);
        var clients = new[] { first.CreatePlainClient(), second.CreatePlainClient() };
        var users = await SignUpManyAsync(clients[0], "pair", 60);

        var answers = await Task.WhenAll(users.Select((u, i) => clients[i % 2].RequestResetAsync(u)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // Sending 60 messages takes a while on a loaded machine: wait for the outbox to finish (the
        // database says whether a message is late or lost), then for the catcher to show them all.
        await WaitUntilAsync(
            async () => await database.ScalarAsync<int>("select count(*) from mail_jobs where completed_at is null") == 0,
            "every job to complete", TimeSpan.FromSeconds(120));
        Assert.Equal(users.Length, await database.ScalarAsync<int>("select count(*) from mail_jobs where outcome = 'Sent'"));
        await mail.Catcher.WaitForAsync(users.Length, timeout: TimeSpan.FromSeconds(30));
        await Task.Delay(1500);
        var delivered = await mail.Catcher.MessagesAsync();
        Assert.Equal(users.Order(), delivered.Where(m => m.Recipients.Any(r => r.StartsWith("pair", StringComparison.Ordinal))).SelectMany(m => m.Recipients).Order());
        Assert.Equal(users.Length, await database.ScalarAsync<int>("select count(*) from verification_tickets"));
    }

    private static async Task<string[]> SignUpManyAsync(HttpClient client, string prefix, int count)
    {
        var users = Enumerable.Range(0, count).Select(i => $"{prefix}{i}@example.com").ToArray();
        foreach (var user in users)
        {
            await client.SignUpAsync(user);
        }

        return users;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }
}
