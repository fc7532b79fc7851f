using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Sign-in (POST /sign-in/email) over HTTP.</summary>
[Trait("Tier", "fast")]
public sealed class SignInTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Sign_in_issues_a_new_token_whatever_cookie_came_in()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var first = await client.SignUpAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in/email")
        {
            Content = JsonContent.Create(new { email = "ann@example.com", password = AuthApi.Password }),
            Headers = { { "Cookie", first.Cookie }, { "Origin", TestSettings.BaseUrl } },
        };
        var response = await client.SendAsync(request);

        Assert.NotEqual(first.Cookie, AuthApi.SessionSetCookie(response)!.Split(';')[0]);
        Assert.NotEqual(first.Token, (await response.JsonAsync())!["token"]!.GetValue<string>());
    }

}
