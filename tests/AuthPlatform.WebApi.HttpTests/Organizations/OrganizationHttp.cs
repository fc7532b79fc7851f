using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>The organization routes, spoken as BetterAuth's organizationClient speaks them.</summary>
internal static class OrganizationHttp
{
    public static Task<HttpResponseMessage> OrgPostAsync(this HttpClient client, string route, string cookie, object body) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "organization/" + route, cookie, body));

    public static Task<HttpResponseMessage> OrgGetAsync(this HttpClient client, string routeAndQuery, string cookie) =>
        client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "organization/" + routeAndQuery, cookie, origin: null));

    /// <summary>Creates an organization and answers its id.</summary>
    public static async Task<string> CreateOrganizationAsync(this HttpClient client, string cookie, string slug, bool keepCurrentActiveOrganization = false)
    {
        var response = await client.OrgPostAsync("create", cookie, new { name = "Org " + slug, slug, keepCurrentActiveOrganization });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"create answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Invites <paramref name="email"/> and answers the invitation's id.</summary>
    public static async Task<string> InviteAsync(this HttpClient client, string cookie, string organizationId, string email, object role)
    {
        var response = await client.OrgPostAsync("invite-member", cookie, new { email, role, organizationId });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"invite-member answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Signs up <paramref name="email"/> (verified), and has them accept an invitation to the organization with the roles.</summary>
    public static async Task<AuthApi.SignedIn> JoinAsync(this HttpClient client, TestDatabase database, AuthApi.SignedIn owner, string organizationId, string email, object role)
    {
        var invitationId = await client.InviteAsync(owner.Cookie, organizationId, email, role);
        var user = await client.SignUpAsync(email, name: email.Split('@')[0]);
        await database.MarkEmailVerifiedAsync(email);
        var accepted = await client.OrgPostAsync("accept-invitation", user.Cookie, new { invitationId });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return user;
    }

    public static async Task<string?> ActiveOrganizationIdAsync(this HttpClient client, string cookie) =>
        (await (await client.GetSessionAsync(cookie, "?disableCookieCache=true")).JsonAsync())?["session"]?["activeOrganizationId"]?.GetValue<string>();

    public static async Task<string?> ActiveTeamIdAsync(this HttpClient client, string cookie) =>
        (await (await client.GetSessionAsync(cookie, "?disableCookieCache=true")).JsonAsync())?["session"]?["activeTeamId"]?.GetValue<string>();

    /// <summary>Creates a team in the organization and answers its id.</summary>
    public static async Task<string> CreateTeamAsync(this HttpClient client, string cookie, string organizationId, string name)
    {
        var response = await client.OrgPostAsync("create-team", cookie, new { name, organizationId });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"create-team answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    public static async Task<string> MemberIdAsync(this TestDatabase database, string organizationId, string userId) =>
        await database.ScalarAsync<string>("select id from members where organization_id = $1 and user_id = $2", organizationId, userId);
}
