using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 6.2.3: changing the password needs the current one; a wrong one leaves the stored hash untouched.</summary>
[Trait("Tier", "fast")]
public sealed class Asvs03_ChangePasswordNeedsCurrent(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<string> StoredHash() => database.ScalarAsync<string>("select password_hash from password_credentials");

    [Fact]
    public async Task A_wrong_current_password_is_400_INVALID_PASSWORD_and_changes_nothing()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var before = await StoredHash();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie,
            new { currentPassword = "not the password", newPassword = "a brand new passphrase" }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_PASSWORD");
        Assert.Equal(before, await StoredHash());
        Assert.Equal(HttpStatusCode.OK, (await client.GetSessionAsync(session.Cookie)).StatusCode);
        Assert.NotEqual("null", await (await client.GetSessionAsync(session.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_missing_current_password_is_a_validation_error()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie, new { newPassword = "a brand new passphrase" }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task The_right_current_password_changes_it()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var before = await StoredHash();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "a brand new passphrase" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(before, await StoredHash());
        await (await client.PostSignInAsync("ann@example.com", AuthApi.Password)).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ann@example.com", "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task Without_a_session_it_is_401()
    {
        var response = await _factory.CreatePlainClient().PostAsync("/api/auth/change-password",
            AuthApi.Json("""{"currentPassword":"correct horse battery staple","newPassword":"a brand new passphrase"}"""));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }
}
