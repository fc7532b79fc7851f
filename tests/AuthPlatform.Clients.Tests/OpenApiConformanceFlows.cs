using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The flows <see cref="OpenApiConformanceTests"/> replays, each exchange recorded with what the proxy
/// said of it. Requests are schema-valid on purpose: the failures (400, 401, 422) come from the service,
/// so a proxy error can only mean the document and the service disagree. The replay is a browser
/// frontend on <paramref name="origin"/>: every POST names that origin, as a browser's fetch does, and
/// each step carries exactly the cookie it names (the client keeps none), so the steps "without a
/// session" go without one.
/// </summary>
internal sealed class Flows(HttpClient client, string origin)
{
    private const string Email = "ann@example.com";
    private const string NewPassword = "another correct horse battery";

    public List<string> Steps { get; } = [];

    public List<string> Violations { get; } = [];

    public async Task RunAsync()
    {
        await Expect("ok", new HttpRequestMessage(HttpMethod.Get, "/api/auth/ok"), HttpStatusCode.OK);

        var signUp = await Expect("sign-up", Post("sign-up/email", new { name = "Ann", email = Email, password = AuthApi.Password }), HttpStatusCode.OK);
        var first = Cookie(signUp);
        await Expect("sign-up, email taken (422)", Post("sign-up/email", new { name = "Ann", email = Email, password = AuthApi.Password }), HttpStatusCode.UnprocessableEntity);
        await Expect("sign-up, password too short (400)", Post("sign-up/email", new { name = "Bob", email = "bob@example.com", password = "short" }), HttpStatusCode.BadRequest);

        await Expect("sign-in, wrong password (401)", Post("sign-in/email", new { email = Email, password = "wrong password, long enough" }), HttpStatusCode.Unauthorized);
        var signIn = await Expect("sign-in", Post("sign-in/email", new { email = Email, password = AuthApi.Password }), HttpStatusCode.OK);
        var second = Cookie(signIn);
        var secondToken = (await Json(signIn))?["token"]?.GetValue<string>() ?? string.Empty;

        await Expect("get-session with a session", AuthApi.WithCookie(HttpMethod.Get, "get-session", first, origin: null), HttpStatusCode.OK);
        await Expect("get-session with a bearer token", AuthApi.WithBearer(HttpMethod.Get, "get-session", secondToken), HttpStatusCode.OK);
        await Expect("get-session without a session (null)", new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session"), HttpStatusCode.OK);

        await Expect("token", AuthApi.WithBearer(HttpMethod.Get, "token", secondToken), HttpStatusCode.OK);
        await Expect("token without a session (401)", new HttpRequestMessage(HttpMethod.Get, "/api/auth/token"), HttpStatusCode.Unauthorized);
        await Expect("jwks", new HttpRequestMessage(HttpMethod.Get, "/api/auth/jwks"), HttpStatusCode.OK);

        await Expect("list-sessions", AuthApi.WithCookie(HttpMethod.Get, "list-sessions", first, origin: null), HttpStatusCode.OK);
        await Expect("list-sessions without a session (401)", new HttpRequestMessage(HttpMethod.Get, "/api/auth/list-sessions"), HttpStatusCode.Unauthorized);

        await Expect("update-user", WithCookie("update-user", first, new { name = "Ann B." }), HttpStatusCode.OK);
        await Expect("update-user without a session (401)", Post("update-user", new { name = "Ann C." }), HttpStatusCode.Unauthorized);

        await OrganizationsAsync(first);

        await Expect("revoke-session", WithCookie("revoke-session", first, new { token = secondToken }), HttpStatusCode.OK);
        await Expect("revoke-session without a session (401)", Post("revoke-session", new { token = secondToken }), HttpStatusCode.Unauthorized);

        await Expect("change-password, wrong current password (400)",
            WithCookie("change-password", first, new { currentPassword = "wrong password, long enough", newPassword = NewPassword }), HttpStatusCode.BadRequest);
        var changed = await Expect("change-password",
            WithCookie("change-password", first, new { currentPassword = AuthApi.Password, newPassword = NewPassword, revokeOtherSessions = true }), HttpStatusCode.OK);
        var current = AuthApi.SessionSetCookie(changed) is { } renewed ? renewed.Split(';')[0] : first;

        var third = Cookie(await Expect("sign-in with the new password", Post("sign-in/email", new { email = Email, password = NewPassword }), HttpStatusCode.OK));
        await Expect("revoke-other-sessions", WithCookie("revoke-other-sessions", current, new { }), HttpStatusCode.OK);
        await Expect("get-session of a revoked session (null)", AuthApi.WithCookie(HttpMethod.Get, "get-session", third, origin: null), HttpStatusCode.OK);
        await Expect("revoke-sessions", WithCookie("revoke-sessions", current, new { }), HttpStatusCode.OK);
        await Expect("get-session after revoke-sessions (null)", AuthApi.WithCookie(HttpMethod.Get, "get-session", current, origin: null), HttpStatusCode.OK);

        var fourth = Cookie(await Expect("sign-in again", Post("sign-in/email", new { email = Email, password = NewPassword }), HttpStatusCode.OK));
        await Expect("sign-out with {} as clients send it", WithCookie("sign-out", fourth, new { }), HttpStatusCode.OK);
        await Expect("sign-out without a session", Post("sign-out", new { }), HttpStatusCode.OK);
    }

    /// <summary>The organization plugin's routes (docs/adr/0133), as organizationClient calls them.</summary>
    private async Task OrganizationsAsync(string cookie)
    {
        HttpRequestMessage Get(string routeAndQuery) => AuthApi.WithCookie(HttpMethod.Get, routeAndQuery, cookie, origin: null);

        await Expect("organization/create", WithCookie("organization/create", cookie, new { name = "Acme", slug = "acme" }), HttpStatusCode.OK);
        await Expect("organization/check-slug, taken (400)", WithCookie("organization/check-slug", cookie, new { slug = "acme" }), HttpStatusCode.BadRequest);
        await Expect("organization/list", Get("organization/list"), HttpStatusCode.OK);
        await Expect("organization/get-full-organization", Get("organization/get-full-organization"), HttpStatusCode.OK);
        await Expect("organization/has-permission", WithCookie("organization/has-permission", cookie, new { permissions = new { member = new[] { "delete" } } }), HttpStatusCode.OK);
        await Expect("organization/invite-member", WithCookie("organization/invite-member", cookie, new { email = "bob@example.com", role = "member" }), HttpStatusCode.OK);
        await Expect("organization/list-invitations", Get("organization/list-invitations"), HttpStatusCode.OK);
        await Expect("organization/list-members", Get("organization/list-members"), HttpStatusCode.OK);
        await Expect("organization/get-active-member", Get("organization/get-active-member"), HttpStatusCode.OK);
        await Expect("organization/update", WithCookie("organization/update", cookie, new { data = new { name = "Acme Inc" } }), HttpStatusCode.OK);
        await Expect("organization/create-team", WithCookie("organization/create-team", cookie, new { name = "Core" }), HttpStatusCode.OK);
        await Expect("organization/list-teams", Get("organization/list-teams"), HttpStatusCode.OK);
        await Expect("organization/set-active, none", WithCookie("organization/set-active", cookie, new { organizationId = (string?)null }), HttpStatusCode.OK);
    }

    /// <summary>A POST without a cookie, from the frontend's origin.</summary>
    private HttpRequestMessage Post(string route, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/" + route) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Add("Origin", origin);
        return request;
    }

    private HttpRequestMessage WithCookie(string route, string cookie, object body) =>
        AuthApi.WithCookie(HttpMethod.Post, route, cookie, body, origin);

    // A step that got no cookie is already recorded as a violation; later steps go on with a cookie naming no session.
    private static string Cookie(HttpResponseMessage response) => AuthApi.SessionSetCookie(response)?.Split(';')[0] ?? "no_session_cookie=none";

    private static async Task<JsonNode?> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Sends one exchange; a violation is a status other than the service's, or an sl-violations header.</summary>
    private async Task<HttpResponseMessage> Expect(string name, HttpRequestMessage request, HttpStatusCode expected)
    {
        HttpResponseMessage response;
        string body;
        try
        {
            response = await client.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            // No answer through the proxy: recorded, and the flow goes on so every disagreement is listed at once.
            Steps.Add($"{request.Method} {request.RequestUri} ({name}): no answer");
            Violations.Add($"{request.Method} {request.RequestUri} ({name}): no answer: {e.Message}");
            return new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { Content = new StringContent("null") };
        }

        var violations = response.Header("sl-violations");
        var line = $"{request.Method} {request.RequestUri} ({name}): {(int)response.StatusCode}";
        Steps.Add(line);
        if (response.StatusCode != expected || violations is not null)
        {
            Violations.Add($"{line}, expected {(int)expected}; sl-violations: {violations ?? "none"}; body: {Short(body)}");
        }

        return response;
    }

    private static string Short(string text) => text.Length <= 1200 ? text : text[..1200] + "...";
}
