using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>
/// Every organization route, called with the ids of an organization the caller does not belong to, and of one where
/// the caller's role lacks the permission: a refusal every time, never the other tenant's data, nothing changed.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OrganizationTenantIsolationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_non_member_and_a_member_without_the_permission_are_refused_on_every_route()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Organization:DynamicAccessControl:Enabled"] = "true";
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var acme = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, acme, "bob@example.com", "admin");
        var mallory = await client.JoinAsync(database, ann, acme, "mallory@example.com", "member");
        var invitation = await client.InviteAsync(ann.Cookie, acme, "dan@example.com", "member");
        var bobMember = await database.MemberIdAsync(acme, bob.UserId);
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");
        await database.MarkEmailVerifiedAsync("eve@example.com");
        var team = await client.CreateTeamAsync(ann.Cookie, acme, "Core");
        var auditor = await client.OrgPostAsync("create-role", ann.Cookie, new { organizationId = acme, role = "auditor", permission = new { member = new[] { "update" } } });
        Assert.Equal(HttpStatusCode.OK, auditor.StatusCode);
        await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = team, userId = bob.UserId, organizationId = acme });
        await client.CreateOrganizationAsync(eve.Cookie, "eve-org"); // eve's own active organization

        (string Method, string Route, object? Body)[] everyRoute =
        [
            ("POST", "update", new { organizationId = acme, data = new { name = "Taken" } }),
            ("POST", "delete", new { organizationId = acme }),
            ("POST", "set-active", new { organizationId = acme }),
            ("POST", "set-active", new { organizationSlug = "acme" }),
            ("GET", $"get-full-organization?organizationId={acme}", null),
            ("GET", "get-full-organization?organizationSlug=acme", null),
            ("GET", $"get-organization?organizationId={acme}", null),
            ("GET", "get-organization?organizationSlug=acme", null),
            ("GET", $"list-members?organizationId={acme}", null),
            ("GET", "list-members?organizationSlug=acme", null),
            ("GET", $"get-active-member-role?organizationId={acme}&userId={bob.UserId}", null),
            ("POST", "update-member-role", new { organizationId = acme, memberId = bobMember, role = "member" }),
            ("POST", "remove-member", new { organizationId = acme, memberIdOrEmail = bobMember }),
            ("POST", "remove-member", new { organizationId = acme, memberIdOrEmail = "bob@example.com" }),
            ("POST", "leave", new { organizationId = acme }),
            ("POST", "invite-member", new { organizationId = acme, email = "x@example.com", role = "member" }),
            ("POST", "cancel-invitation", new { invitationId = invitation }),
            ("POST", "accept-invitation", new { invitationId = invitation }),
            ("POST", "reject-invitation", new { invitationId = invitation }),
            ("GET", $"get-invitation?id={invitation}", null),
            ("GET", $"list-invitations?organizationId={acme}", null),
            ("POST", "has-permission", new { organizationId = acme, permissions = new { member = new[] { "delete" } } }),
            ("POST", "create-team", new { organizationId = acme, name = "Eve's" }),
            ("POST", "update-team", new { teamId = team, data = new { name = "Eve's", organizationId = acme } }),
            ("POST", "update-team", new { teamId = team, data = new { name = "Eve's" } }),
            ("POST", "remove-team", new { organizationId = acme, teamId = team }),
            ("POST", "remove-team", new { teamId = team }),
            ("GET", $"list-teams?organizationId={acme}", null),
            ("GET", $"list-team-members?teamId={team}", null),
            ("GET", $"list-user-teams?organizationId={acme}", null),
            ("GET", $"list-user-teams?organizationId={acme}&userId={bob.UserId}", null),
            ("POST", "add-team-member", new { organizationId = acme, teamId = team, userId = mallory.UserId }),
            ("POST", "remove-team-member", new { organizationId = acme, teamId = team, userId = bob.UserId }),
            ("POST", "set-active-team", new { teamId = team }),
            ("POST", "create-role", new { organizationId = acme, role = "eves", permission = new { member = new[] { "update" } } }),
            ("GET", $"list-roles?organizationId={acme}", null),
            ("GET", $"get-role?organizationId={acme}&roleName=auditor", null),
            ("POST", "update-role", new { organizationId = acme, roleName = "auditor", data = new { roleName = "eves" } }),
            ("POST", "delete-role", new { organizationId = acme, roleName = "auditor" }),
        ];

        foreach (var (method, route, body) in everyRoute)
        {
            var response = method == "GET" ? await client.OrgGetAsync(route, eve.Cookie) : await client.OrgPostAsync(route, eve.Cookie, body!);
            await AssertRefusedAsync(response, $"non-member {method} {route}");
        }

        // Mallory is a member of acme with the plain member role: every route that needs a permission refuses her.
        (string Method, string Route, object? Body)[] needsPermission =
        [
            ("POST", "update", new { organizationId = acme, data = new { name = "Taken" } }),
            ("POST", "delete", new { organizationId = acme }),
            ("POST", "update-member-role", new { organizationId = acme, memberId = bobMember, role = "member" }),
            ("POST", "remove-member", new { organizationId = acme, memberIdOrEmail = bobMember }),
            ("POST", "invite-member", new { organizationId = acme, email = "x@example.com", role = "member" }),
            ("POST", "cancel-invitation", new { invitationId = invitation }),
            ("GET", $"list-invitations?organizationId={acme}", null),
            ("POST", "create-team", new { organizationId = acme, name = "Mallory's" }),
            ("POST", "update-team", new { teamId = team, data = new { name = "Mallory's", organizationId = acme } }),
            ("POST", "remove-team", new { organizationId = acme, teamId = team }),
            ("POST", "add-team-member", new { organizationId = acme, teamId = team, userId = mallory.UserId }),
            ("POST", "remove-team-member", new { organizationId = acme, teamId = team, userId = bob.UserId }),
            ("GET", $"list-user-teams?organizationId={acme}&userId={bob.UserId}", null),
            ("GET", $"list-team-members?teamId={team}", null),
            ("POST", "create-role", new { organizationId = acme, role = "mallorys", permission = new { member = new[] { "update" } } }),
            ("POST", "update-role", new { organizationId = acme, roleName = "auditor", data = new { permission = new { member = new[] { "delete" } } } }),
            ("POST", "delete-role", new { organizationId = acme, roleName = "auditor" }),
        ];
        foreach (var (method, route, body) in needsPermission)
        {
            var response = method == "GET" ? await client.OrgGetAsync(route, mallory.Cookie) : await client.OrgPostAsync(route, mallory.Cookie, body!);
            await AssertRefusedAsync(response, $"plain member {method} {route}", allowOrganization: true);
        }

        var denied = await client.OrgPostAsync("has-permission", mallory.Cookie, new { organizationId = acme, permissions = new { member = new[] { "delete" } } });
        Assert.False((await denied.JsonAsync())!["success"]!.GetValue<bool>());

        // Nothing changed in acme.
        Assert.Equal("Org acme", await database.ScalarAsync<string>("select name from organizations where id = $1", acme));
        Assert.Equal(3, await database.ScalarAsync<long>("select count(*) from members where organization_id = $1", acme));
        Assert.Equal("admin", await database.ScalarAsync<string>("select role from members where id = $1", bobMember));
        Assert.Equal("pending", await database.ScalarAsync<string>("select status from invitations where id = $1", invitation));
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from invitations where organization_id = $1 and status = 'pending'", acme));
        Assert.NotEqual(acme, await client.ActiveOrganizationIdAsync(eve.Cookie));
        Assert.Equal("Core", await database.ScalarAsync<string>("select name from teams where organization_id = $1", acme));
        Assert.Equal(bob.UserId, await database.ScalarAsync<string>("select string_agg(user_id, ',') from team_members where team_id = $1", team));
        Assert.Null(await client.ActiveTeamIdAsync(eve.Cookie));
        Assert.Equal("auditor:{\"member\":[\"update\"]}", await database.ScalarAsync<string>("select string_agg(role || ':' || permission, ',') from organization_roles"));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string what, bool allowOrganization = false)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{what} answered {(int)response.StatusCode}: {text}");
        Assert.DoesNotContain("bob@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dan@example.com", text, StringComparison.Ordinal);
        if (!allowOrganization)
        {
            Assert.DoesNotContain("Org acme", text, StringComparison.Ordinal);
        }
    }
}
