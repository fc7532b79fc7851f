using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>POST /update-user: name and image only; an email member is refused; an empty update is refused.</summary>
[Trait("Tier", "fast")]
public sealed class UpdateUserTests(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(HttpClient Client, AuthApi.SignedIn Session)> SignedInAsync()
    {
        var client = _factory.CreatePlainClient();
        return (client, await client.SignUpAsync());
    }

    [Fact]
    public async Task Name_and_image_are_updated_and_image_null_clears_it()
    {
        var (client, session) = await SignedInAsync();

        var update = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, AuthApi.Json("""{"name":"Annie","image":"https://img.example/a.png"}""")));
        Assert.Equal("""{"status":true}""", await update.Content.ReadAsStringAsync());
        var user = (await (await client.GetSessionAsync(session.Cookie)).JsonAsync())!["user"]!;
        Assert.Equal("Annie", user["name"]!.GetValue<string>());
        Assert.Equal("https://img.example/a.png", user["image"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, AuthApi.Json("""{"image":null}""")))).StatusCode);
        user = (await (await client.GetSessionAsync(session.Cookie)).JsonAsync())!["user"]!;
        Assert.Null(user["image"]);
        Assert.Equal("Annie", user["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"email":"eve@example.com"}""", "EMAIL_CAN_NOT_BE_UPDATED")]
    [InlineData("""{"name":"Eve","email":null}""", "EMAIL_CAN_NOT_BE_UPDATED")]
    [InlineData("""{}""", "NO_FIELDS_TO_UPDATE")]
    [InlineData("""{"name":"   "}""", "VALIDATION_ERROR")]
    [InlineData("""{"name":42}""", "VALIDATION_ERROR")]
    [InlineData("""[]""", "VALIDATION_ERROR")]
    public async Task Bad_updates_are_400_and_change_nothing(string body, string code)
    {
        var (client, session) = await SignedInAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "update-user", session.Cookie, AuthApi.Json(body)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, code);
        Assert.Equal("Ann", await database.ScalarAsync<string>("select name from users"));
        Assert.Equal("ann@example.com", await database.ScalarAsync<string>("select email from users"));
    }

    [Fact]
    public async Task Without_a_session_it_is_401()
    {
        var response = await _factory.CreatePlainClient().PostAsync("/api/auth/update-user", AuthApi.Json("""{"name":"Eve"}"""));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
