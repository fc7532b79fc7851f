using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Infrastructure.Tests.Social;

/// <summary>
/// GitHub has no ID token: the person is read from its API, /user (the numeric id is the subject, the login
/// stands in for a missing name) and /user/emails (the primary address and its verified flag; the profile's
/// public email is not used), with a User-Agent as GitHub's API requires.
/// </summary>
public sealed class SocialGitHubIdentityTests
{
    private const string TokenUrl = "https://github.com/login/oauth/access_token";
    private const string UserUrl = "https://api.github.com/user";
    private const string EmailsUrl = "https://api.github.com/user/emails";

    private static readonly SocialProviderOptions Settings = new() { ClientId = "gh-client", ClientSecret = "gh-secret" };

    [Fact]
    public async Task The_identity_is_the_numeric_id_with_the_primary_email_and_its_verified_flag()
    {
        var stub = GitHub(
            """{"id":12345,"login":"octocat","name":null,"email":"public@example.com","avatar_url":"https://avatars.githubusercontent.com/u/12345"}""",
            """[{"email":"other@example.com","primary":false,"verified":true},{"email":"octo@example.com","primary":true,"verified":true}]""");

        var result = await Redeem.CodeAsync(stub.IdentityProviders("github", Settings), "github", nonce: "unused");

        Assert.True(result.IsSuccess, result.Error?.Code);
        var identity = result.Value;
        Assert.Equal("local:oauth:github", identity.Issuer);
        Assert.Equal("12345", identity.Subject);
        Assert.Equal("octo@example.com", identity.Email);
        Assert.True(identity.EmailVerified);
        Assert.Equal("octocat", identity.Name);
        Assert.Equal("https://avatars.githubusercontent.com/u/12345", identity.Image);
        Assert.Equal("gho_access", identity.Tokens.AccessToken);
        Assert.Equal("read:user,user:email", identity.Tokens.Scope);

        var token = Assert.Single(stub.Seen, r => r.Url == TokenUrl);
        Assert.Equal(HttpMethod.Post, token.Method);
        var form = System.Web.HttpUtility.ParseQueryString(token.Body!);
        Assert.Equal(("authorization_code", Redeem.Code, "gh-client", "gh-secret", Redeem.Verifier, Redeem.RedirectUri + "github"),
            (form["grant_type"], form["code"], form["client_id"], form["client_secret"], form["code_verifier"], form["redirect_uri"]));
        foreach (var api in stub.Seen.Where(r => r.Url is UserUrl or EmailsUrl))
        {
            Assert.Contains("Authorization: Bearer gho_access", api.Headers, StringComparison.Ordinal);
            Assert.Contains("User-Agent: AuthPlatform/1.0", api.Headers, StringComparison.Ordinal);
        }

        Assert.Equal(2, stub.Seen.Count(r => r.Url is UserUrl or EmailsUrl));
    }

    [Fact]
    public async Task An_unverified_primary_email_is_unverified_and_no_primary_email_is_no_email()
    {
        const string User = """{"id":7,"login":"mona","name":"Mona"}""";
        var unverified = await Redeem.CodeAsync(
            GitHub(User, """[{"email":"mona@example.com","primary":true,"verified":false}]""").IdentityProviders("github", Settings), "github", "unused");
        var noPrimary = await Redeem.CodeAsync(
            GitHub(User, """[{"email":"mona@example.com","primary":false,"verified":true}]""").IdentityProviders("github", Settings), "github", "unused");

        Assert.Equal(("7", "mona@example.com", false, "Mona"), (unverified.Value.Subject, unverified.Value.Email, unverified.Value.EmailVerified, unverified.Value.Name));
        Assert.Equal(("7", (string?)null, false), (noPrimary.Value.Subject, noPrimary.Value.Email, noPrimary.Value.EmailVerified));
    }

    [Fact]
    public async Task A_profile_without_a_numeric_id_is_unable_to_get_user_info()
    {
        var result = await Redeem.CodeAsync(
            GitHub("""{"id":"12345","login":"octocat"}""", "[]").IdentityProviders("github", Settings), "github", "unused");

        Assert.False(result.IsSuccess);
        Assert.Equal("unable_to_get_user_info", result.Error!.Code);
    }

    [Fact]
    public async Task An_iss_in_GitHubs_response_is_not_checked_for_GitHub_has_no_discovered_issuer()
    {
        var stub = GitHub("""{"id":9,"login":"hubot"}""", "[]");

        var result = await Redeem.CodeAsync(stub.IdentityProviders("github", Settings), "github", "unused", responseIssuer: "https://github.com/login/oauth");

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal("9", result.Value.Subject);
    }

    [Fact]
    public async Task The_authorization_URL_goes_to_GitHub_with_PKCE_and_without_a_nonce()
    {
        var providers = new ProviderHttpStub().IdentityProviders("github", Settings);

        var url = await providers.AuthorizationUrlAsync(
            new AuthorizationRequest("github", "the-state", Redeem.Verifier, "the-nonce", Redeem.RedirectUri + "github", [], LoginHint: null), CancellationToken.None);

        Assert.StartsWith("https://github.com/login/oauth/authorize?", url.Value.AbsoluteUri, StringComparison.Ordinal);
        var query = System.Web.HttpUtility.ParseQueryString(url.Value.Query);
        Assert.Equal(("gh-client", "read:user user:email", "the-state", "S256"), (query["client_id"], query["scope"], query["state"], query["code_challenge_method"]));
        Assert.Null(query["nonce"]);
    }

    private static ProviderHttpStub GitHub(string user, string emails) => new ProviderHttpStub()
        .Answer(HttpMethod.Post, TokenUrl, """{"access_token":"gho_access","token_type":"bearer","scope":"read:user user:email"}""")
        .Answer(HttpMethod.Get, UserUrl, user)
        .Answer(HttpMethod.Get, EmailsUrl, emails);
}
