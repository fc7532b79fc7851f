using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Security.Tests;

/// <summary>ASVS 6.2.1 / 6.2.9: at least 8 characters, up to 128 accepted, longer refused (counted after NFKC).</summary>
[Trait("Tier", "fast")]
public sealed class Asvs01_LengthRules(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = SecurityHost.Create(database);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private Task<HttpResponseMessage> SignUp(string email, string password) =>
        _factory.CreatePlainClient().PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Ann", email, password });

    [Fact]
    public async Task Seven_characters_are_refused_and_eight_accepted()
    {
        await (await SignUp("seven@example.com", "kx8#Lq2")).AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_SHORT");
        Assert.Equal(HttpStatusCode.OK, (await SignUp("eight@example.com", "kx8#Lq2w")).StatusCode);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    public async Task Long_passwords_up_to_128_are_accepted(int length)
    {
        var password = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i * 7 % 26))));

        var response = await SignUp($"long{length}@example.com", password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreatePlainClient().PostSignInAsync($"long{length}@example.com", password)).StatusCode);
    }

    [Fact]
    public async Task One_hundred_twenty_nine_characters_are_refused()
    {
        await (await SignUp("toolong@example.com", new string('q', 129))).AssertProblemAsync(HttpStatusCode.BadRequest, "PASSWORD_TOO_LONG");
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users"));
    }

    [Fact]
    public async Task Length_is_counted_after_nfkc_normalisation()
    {
        // U+FB01 (the "fi" ligature) is one character that NFKC turns into two: 4 ligatures = 8 characters.
        Assert.Equal(HttpStatusCode.OK, (await SignUp("ligature@example.com", "\uFB01\uFB01\uFB01\uFB01")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _factory.CreatePlainClient().PostSignInAsync("ligature@example.com", "fifififi")).StatusCode);
    }
}
