using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Social;

/// <summary>The browser's side of a social sign-in: start it, go through the provider, come back to the callback.</summary>
internal static class SocialHttp
{
    public sealed record Started(string Url, string StateCookie, HttpResponseMessage Response);

    public sealed record Finished(HttpResponseMessage Response, Uri Location, string? SessionCookie);

    public static async Task<Started> StartAsync(HttpClient client, string callbackURL = "/dashboard", string errorCallbackURL = "/login-error", string? newUserCallbackURL = null, string? cookie = null, string route = "sign-in/social")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/" + route)
        {
            Content = JsonContent.Create(new { provider = SocialProviderServer.ProviderId, callbackURL, errorCallbackURL, newUserCallbackURL }),
        };
        request.Headers.Add("Origin", TestSettings.BaseUrl);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = (await response.JsonAsync())!;
        var url = body["url"]!.GetValue<string>();
        var state = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("better-auth.state=", StringComparison.Ordinal));
        return new Started(url, state.Split(';')[0], response);
    }

    /// <summary>GET the callback URL the provider redirected to, with the state cookie (or another cookie header).</summary>
    public static async Task<Finished> CallbackAsync(HttpClient client, Uri callback, string? cookie)
    {
        Assert.StartsWith($"{TestSettings.BaseUrl}/api/auth/callback/", callback.AbsoluteUri, StringComparison.Ordinal);
        var request = new HttpRequestMessage(HttpMethod.Get, callback.PathAndQuery);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var session = AuthApi.SessionSetCookie(response);
        return new Finished(response, response.Headers.Location!, session is null || session.Contains("Max-Age=0", StringComparison.Ordinal) ? null : session.Split(';')[0]);
    }

    /// <summary>The whole round: start, sign in at the provider as <paramref name="account"/>, come back.</summary>
    public static async Task<Finished> SignInAsync(HttpClient client, OidcProvider provider, OidcProvider.Account account, string callbackURL = "/dashboard", string? newUserCallbackURL = null)
    {
        var started = await StartAsync(client, callbackURL, newUserCallbackURL: newUserCallbackURL);
        var callback = await provider.AuthorizeAsync(started.Url, account);
        return await CallbackAsync(client, callback, started.StateCookie);
    }

    public static string ErrorOf(Uri location) =>
        System.Web.HttpUtility.ParseQueryString(location.Query)["error"] ?? throw new InvalidOperationException($"No error in {location}");
}
