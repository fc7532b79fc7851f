using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>
/// ASVS 6.2.5 / 6.2.8 / 6.2.4: no composition rules, the password is checked exactly as typed (no
/// truncation, no case folding), and the most common breached passwords are refused.
/// </summary>
[Trait("Tier", "fast")]
public sealed class Asvs02_CompositionRules(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("all lower case words here")]
    [InlineData("        spaces only counts")]
    [InlineData("🔑🔒🗝️🔐 emoji pass")]
    [InlineData("ZZZZZZZZZZQQQQ")]
    public async Task Any_composition_is_accepted(string password)
    {
        var client = _factory.CreatePlainClient();
        var response = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email = "ann@example.com", password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ann@example.com", password)).StatusCode);
    }

    [Fact]
    public async Task A_truncated_or_case_changed_password_does_not_sign_in()
    {
        var client = _factory.CreatePlainClient();
        await client.SignUpAsync(password: "Correct Horse Battery Staple");

        await (await client.PostSignInAsync("ann@example.com", "Correct Horse Battery Stapl")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
        await (await client.PostSignInAsync("ann@example.com", "correct horse battery staple")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
        await (await client.PostSignInAsync("ann@example.com", "Correct Horse Battery Staple ")).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_EMAIL_OR_PASSWORD");
    }

    [Theory]
    [InlineData("password")]
    [InlineData("12345678")]
    [InlineData("iloveyou")]
    [InlineData("Sunshine")]
    [InlineData("PASSWORD1")]
    public async Task Common_breached_passwords_are_refused_at_sign_up(string password)
    {
        var response = await _factory.CreatePlainClient().PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email = "ann@example.com", password });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_COMPROMISED");
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task A_common_password_is_refused_at_password_change()
    {
        var client = _factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "change-password", session.Cookie,
            new { currentPassword = AuthApi.Password, newPassword = "baseball" }));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_COMPROMISED");
        Assert.Equal(HttpStatusCode.OK, (await client.PostSignInAsync("ann@example.com", AuthApi.Password)).StatusCode);
    }

    [Fact]
    public async Task The_shipped_list_holds_at_least_the_top_ten_thousand()
    {
        var list = new Infrastructure.Passwords.CommonPasswordList();

        Assert.True(list.Count >= 10_000, $"only {list.Count} passwords");
        Assert.True(list.Contains("qwerty123"));
        Assert.False(list.Contains(AuthApi.Password));
    }
}
