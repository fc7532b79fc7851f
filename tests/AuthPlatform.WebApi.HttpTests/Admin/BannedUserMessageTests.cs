using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Admin;

/// <summary>
/// The BANNED_USER refusal says what Auth:Admin:BannedUserMessage says (BetterAuth's bannedUserMessage): the sign-in
/// policy builds that refusal in one place, so a way in that refuses a banned user (here an API key) answers it.
/// </summary>
[Trait("Tier", "fast")]
public sealed class BannedUserMessageTests(TestDatabase database) : IAsyncLifetime
{
    private const string Message = "This account is suspended. Write to help@example.com.";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_banned_users_api_key_is_refused_with_the_configured_message()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Admin:BannedUserMessage"] = Message;
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var created = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/create", session.Cookie, new { name = "ci" }));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var key = (await created.JsonAsync())!["key"]!.GetValue<string>();
        Assert.Equal(1, await database.ScalarAsync<long>("with u as (update users set disabled_at = now() returning 1) select count(*) from u"));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token");
        request.Headers.Add("x-api-key", key);
        var refused = await (await client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.Forbidden, "BANNED_USER");

        Assert.Equal(Message, refused["message"]!.GetValue<string>());
    }
}
