using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>
/// A code or an ID token meant for someone else is refused: the authorization response's <c>iss</c>
/// (RFC 9207) must name the provider the flow was started with, before its code goes to any token
/// endpoint, and is required when the provider's discovery announces it; an ID token's <c>azp</c> must be
/// our client, and a token for several audiences must name us in <c>azp</c> (OpenID Connect Core 3.1.3.7).
/// </summary>
[Trait("Tier", "fast")]
public sealed class SocialSignInMixUpTests(TestDatabase database, SocialProviderServer idp) : IAsyncLifetime, IClassFixture<SocialProviderServer>
{
    private static readonly OidcProvider.Account Gil = new("sub-gil", "gil.social@example.com", EmailVerified: true, Name: "Gil");

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        await idp.Provider.SetFaultsAsync();
    }

    public async ValueTask DisposeAsync() => await idp.Provider.SetFaultsAsync();

    [Fact]
    public async Task A_callback_whose_iss_names_another_issuer_is_issuer_mismatch_and_its_code_is_not_redeemed()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { responseIss = "https://attacker.example" });
        var issuedBefore = (await idp.Provider.IssuedTokensAsync()).Count;

        var finished = await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil);

        await AssertRefusedAsync(finished, "issuer_mismatch");
        Assert.Equal(issuedBefore, (await idp.Provider.IssuedTokensAsync()).Count);
    }

    [Fact]
    public async Task A_form_post_callback_carries_its_iss_on_to_the_GET_callback_where_a_foreign_one_is_issuer_mismatch()
    {
        await using var factory = idp.Service(database);
        var client = factory.CreatePlainClient();
        var started = await SocialHttp.StartAsync(client);
        var callback = await idp.Provider.AuthorizeAsync(started.Url, Gil);
        var parameters = System.Web.HttpUtility.ParseQueryString(callback.Query);
        Assert.Equal(idp.Provider.Issuer, parameters["iss"]);

        using var post = new HttpRequestMessage(HttpMethod.Post, callback.AbsolutePath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["code"] = parameters["code"]!,
                ["state"] = parameters["state"]!,
                ["iss"] = "https://attacker.example",
            }),
        };
        var forwarded = await client.SendAsync(post);
        var location = new Uri(new Uri(TestSettings.BaseUrl), forwarded.Headers.Location!);

        await AssertRefusedAsync(await SocialHttp.CallbackAsync(client, location, started.StateCookie), "issuer_mismatch");
    }

    [Fact]
    public async Task A_callback_without_iss_from_a_provider_that_announces_it_is_issuer_missing()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { omitResponseIss = true });

        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil), "issuer_missing");
    }

    [Fact]
    public async Task A_callback_without_iss_from_a_provider_that_does_not_announce_it_signs_in()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { omitResponseIss = true, issParameterSupported = false });

        var finished = await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil);

        Assert.Equal("http://localhost/dashboard", finished.Location.AbsoluteUri);
        Assert.NotNull(finished.SessionCookie);
    }

    [Fact]
    public async Task An_ID_token_whose_azp_is_another_client_is_refused()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { idTokenAzp = "another-client" });

        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil), "unable_to_get_user_info");
    }

    [Fact]
    public async Task An_ID_token_for_several_audiences_without_azp_is_refused()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { idTokenAudience = new[] { OidcProvider.ClientId, "another-client" }, idTokenAzp = (string?)null });

        await AssertRefusedAsync(await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil), "unable_to_get_user_info");
    }

    [Fact]
    public async Task An_ID_token_for_several_audiences_naming_our_client_in_azp_signs_in()
    {
        await using var factory = idp.Service(database);
        await idp.Provider.SetFaultsAsync(new { idTokenAudience = new[] { OidcProvider.ClientId, "another-client" }, idTokenAzp = OidcProvider.ClientId });

        var finished = await SocialHttp.SignInAsync(factory.CreatePlainClient(), idp.Provider, Gil);

        Assert.Equal("http://localhost/dashboard", finished.Location.AbsoluteUri);
        Assert.NotNull(finished.SessionCookie);
    }

    private async Task AssertRefusedAsync(SocialHttp.Finished finished, string code)
    {
        Assert.Null(finished.SessionCookie);
        Assert.Equal($"http://localhost/login-error?error={code}", finished.Location.AbsoluteUri);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM sessions"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM accounts"));
    }
}
