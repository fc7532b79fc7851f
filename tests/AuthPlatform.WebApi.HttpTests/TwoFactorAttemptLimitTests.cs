using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The attempt limits of the second factor under concurrency: 5 per sign-in challenge and 10 in a row per
/// user are counted in the database before a code is judged, so guesses sent all at once are not all judged.
/// "Judged" is what the answer shows: INVALID_CODE means the code was compared; the refusals that come
/// before the comparison are TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE and ACCOUNT_TEMPORARILY_LOCKED.
/// </summary>
[Trait("Tier", "fast")]
public sealed class TwoFactorAttemptLimitTests(TestDatabase database) : IAsyncLifetime
{
    private const string Email = "ann@example.com";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Thirty_concurrent_wrong_codes_on_one_challenge_are_judged_at_most_five_times()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var wrong = await EnrolAsync(client);
        var pending = await TwoFactorTests.SignInPendingAsync(client);

        var codes = await GuessAllAtOnceAsync(client, Enumerable.Repeat(pending, 30), wrong);

        Assert.Equal(5, codes.Count(c => c == "INVALID_CODE"));
        Assert.All(codes.Where(c => c != "INVALID_CODE"), c => Assert.Equal("TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", c));
        Assert.Equal(5L, await database.ScalarAsync<long>("select attempts from two_factor_challenges"));
        Assert.Equal(5L, await database.ScalarAsync<long>("select failed_attempts from two_factor_enrolments"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from two_factor_enrolments where locked_until is not null"));
    }

    [Fact]
    public async Task Concurrent_wrong_codes_on_three_challenges_are_judged_ten_times_and_then_the_factor_is_locked()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var wrong = await EnrolAsync(client);
        var challenges = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            challenges.Add(await TwoFactorTests.SignInPendingAsync(client));
        }

        var codes = await GuessAllAtOnceAsync(client, challenges.SelectMany(c => Enumerable.Repeat(c, 10)), wrong);

        Assert.Equal(10, codes.Count(c => c == "INVALID_CODE"));
        Assert.All(codes.Where(c => c != "INVALID_CODE"), c => Assert.Contains(c, new[] { "TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE", "ACCOUNT_TEMPORARILY_LOCKED" }));
        Assert.Contains("ACCOUNT_TEMPORARILY_LOCKED", codes);
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from two_factor_enrolments where locked_until > now() + interval '14 minutes'"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select failed_attempts from two_factor_enrolments"));

        // Every judged code took a challenge attempt; requests that met the lock first took none.
        Assert.InRange(await database.ScalarAsync<long>("select coalesce(sum(attempts), 0) from two_factor_challenges"), 10L, 15L);
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from two_factor_challenges where attempts > 5"));
    }

    /// <summary>Signs up with a verified address, enrols TOTP with a first code, and returns a well-formed code that is wrong now.</summary>
    private async Task<string> EnrolAsync(HttpClient client)
    {
        var session = await client.SignUpAsync(Email);
        await database.MarkEmailVerifiedAsync(Email);
        var (secret, _) = await TwoFactorTests.EnableAsync(client, session.Cookie);
        var now = DateTimeOffset.UtcNow;
        var enrol = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code = await TwoFactorTests.OathtoolAsync(secret, now) }, session.Cookie);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);

        // Not the code of any step the service accepts during the test (one step either way, and the next minute).
        var valid = new HashSet<string>();
        for (var step = -1; step <= 3; step++)
        {
            valid.Add(await TwoFactorTests.OathtoolAsync(secret, now.AddSeconds(30 * step)));
        }

        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(c => !valid.Contains(c));
    }

    /// <summary>Sends one wrong code per challenge cookie, all at once, and returns each answer's code.</summary>
    private static async Task<string[]> GuessAllAtOnceAsync(HttpClient client, IEnumerable<string> challengeCookies, string code)
    {
        using var start = new ManualResetEventSlim();
        var guesses = challengeCookies.Select(cookie => Task.Run(async () =>
        {
            start.Wait();
            var response = await TwoFactorTests.PostAsync(client, "two-factor/verify-totp", new { code }, cookie);
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return await response.CodeAsync();
        })).ToList();
        start.Set();
        return await Task.WhenAll(guesses);
    }
}
