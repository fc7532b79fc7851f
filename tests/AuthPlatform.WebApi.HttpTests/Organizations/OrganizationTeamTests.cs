using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>Teams: create, rename, remove, list, team members, the session's active team, invitations to teams, and the limits.</summary>
[Trait("Tier", "fast")]
public sealed class OrganizationTeamTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Teams_are_created_listed_renamed_and_removed_within_permissions()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var acme = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, acme, "bob@example.com", "member");
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");

        var created = (await (await client.OrgPostAsync("create-team", ann.Cookie, new { name = "Core" })).JsonAsync())!; // the active organization
        var core = created["id"]!.GetValue<string>();
        Assert.Equal(acme, created["organizationId"]!.GetValue<string>());
        Assert.Equal("Core", created["name"]!.GetValue<string>());
        Assert.NotNull(created["createdAt"]);
        Assert.NotNull(created["updatedAt"]);
        var web = await client.CreateTeamAsync(ann.Cookie, acme, "Web");

        await (await client.OrgPostAsync("create-team", bob.Cookie, new { name = "Mine", organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION");
        await (await client.OrgPostAsync("create-team", eve.Cookie, new { name = "Mine", organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION");
        await (await client.OrgPostAsync("create-team", eve.Cookie, new { name = "Mine" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "NO_ACTIVE_ORGANIZATION");
        await (await client.OrgPostAsync("create-team", ann.Cookie, new { name = "  ", organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await client.OrgPostAsync("create-team", ann.Cookie, new { name = new string('x', 129), organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var listed = (await (await client.OrgGetAsync("list-teams?organizationId=" + acme, bob.Cookie)).JsonAsync())!.AsArray();
        Assert.Equal(["Core", "Web"], listed.Select(t => t!["name"]!.GetValue<string>()));
        await (await client.OrgGetAsync("list-teams?organizationId=" + acme, eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION");

        var renamed = await client.OrgPostAsync("update-team", ann.Cookie, new { teamId = web, data = new { name = "Frontend" } });
        Assert.Equal("Frontend", (await renamed.JsonAsync())!["name"]!.GetValue<string>());
        await (await client.OrgPostAsync("update-team", bob.Cookie, new { teamId = web, data = new { name = "Mine" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM");
        await (await client.OrgPostAsync("update-team", ann.Cookie, new { teamId = "nope", data = new { name = "X" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "TEAM_NOT_FOUND");
        await (await client.OrgPostAsync("update-team", ann.Cookie, new { data = new { name = "X" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        await (await client.OrgPostAsync("remove-team", bob.Cookie, new { teamId = web, organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION");
        var removed = await client.OrgPostAsync("remove-team", ann.Cookie, new { teamId = web });
        Assert.Equal("Team removed successfully.", (await removed.JsonAsync())!["message"]!.GetValue<string>());
        await (await client.OrgPostAsync("remove-team", ann.Cookie, new { teamId = web }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "TEAM_NOT_FOUND");
        await (await client.OrgPostAsync("remove-team", ann.Cookie, new { teamId = core }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "UNABLE_TO_REMOVE_LAST_TEAM");

        Assert.Equal("organization.team-created,organization.team-created,organization.team-removed,organization.team-updated",
            await database.ScalarAsync<string>("select string_agg(type, ',' order by type) from audit_events where organization_id = $1 and type like 'organization.team%'", acme));
    }

    [Fact]
    public async Task Team_members_and_the_active_team_follow_membership()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var acme = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, acme, "bob@example.com", "member");
        var cid = await client.JoinAsync(database, ann, acme, "cid@example.com", "member");
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");
        var core = await client.CreateTeamAsync(ann.Cookie, acme, "Core");

        var added = (await (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = bob.UserId })).JsonAsync())!;
        Assert.Equal(bob.UserId, added["userId"]!.GetValue<string>());
        Assert.Equal(core, added["teamId"]!.GetValue<string>());
        await (await client.OrgPostAsync("add-team-member", bob.Cookie, new { teamId = core, userId = cid.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER");
        await (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = eve.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        await (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = "nope", userId = bob.UserId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "TEAM_NOT_FOUND");
        await (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var members = (await (await client.OrgGetAsync("list-team-members?teamId=" + core, bob.Cookie)).JsonAsync())!.AsArray();
        Assert.Equal(bob.UserId, Assert.Single(members)!["userId"]!.GetValue<string>());
        await (await client.OrgGetAsync("list-team-members?teamId=" + core, cid.Cookie))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
        await (await client.OrgGetAsync("list-team-members?teamId=" + core, eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
        await (await client.OrgGetAsync("list-team-members", bob.Cookie))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM");

        Assert.Equal(core, Assert.Single((await (await client.OrgGetAsync("list-user-teams", bob.Cookie)).JsonAsync())!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(core, Assert.Single((await (await client.OrgGetAsync($"list-user-teams?userId={bob.UserId}&organizationId={acme}", ann.Cookie)).JsonAsync())!.AsArray())!["id"]!.GetValue<string>());
        Assert.Empty((await (await client.OrgGetAsync("list-user-teams", cid.Cookie)).JsonAsync())!.AsArray());
        await (await client.OrgGetAsync($"list-user-teams?userId={ann.UserId}", bob.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
        await (await client.OrgGetAsync("list-user-teams?organizationId=" + acme, eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");

        var active = await client.OrgPostAsync("set-active-team", bob.Cookie, new { teamId = core });
        Assert.Equal(core, (await active.JsonAsync())!["id"]!.GetValue<string>());
        Assert.Equal(core, await client.ActiveTeamIdAsync(bob.Cookie));
        Assert.Single((await (await client.OrgGetAsync("list-team-members", bob.Cookie)).JsonAsync())!.AsArray());
        await (await client.OrgPostAsync("set-active-team", cid.Cookie, new { teamId = core }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
        await (await client.OrgPostAsync("set-active-team", eve.Cookie, new { teamId = core }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "NO_ACTIVE_ORGANIZATION");
        await (await client.OrgPostAsync("set-active-team", bob.Cookie, new { teamId = 7 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        // The caller's own active team cannot be removed; set-active-team with null clears it.
        await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = ann.UserId });
        await client.OrgPostAsync("set-active-team", ann.Cookie, new { teamId = core });
        await client.CreateTeamAsync(ann.Cookie, acme, "Spare");
        await (await client.OrgPostAsync("remove-team", ann.Cookie, new { teamId = core }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM");
        Assert.Equal("null", await (await client.OrgPostAsync("set-active-team", ann.Cookie, new { teamId = (string?)null })).Content.ReadAsStringAsync());
        Assert.Null(await client.ActiveTeamIdAsync(ann.Cookie));

        // Removed from the team: the team leaves bob's session.
        await (await client.OrgPostAsync("remove-team-member", cid.Cookie, new { teamId = core, userId = bob.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER");
        await (await client.OrgPostAsync("remove-team-member", ann.Cookie, new { teamId = core, userId = cid.UserId }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "USER_IS_NOT_A_MEMBER_OF_THE_TEAM");
        var out1 = await client.OrgPostAsync("remove-team-member", ann.Cookie, new { teamId = core, userId = bob.UserId });
        Assert.Equal("Team member removed successfully.", (await out1.JsonAsync())!["message"]!.GetValue<string>());
        Assert.Null(await client.ActiveTeamIdAsync(bob.Cookie));

        // Changing the active organization clears the active team.
        await client.OrgPostAsync("set-active-team", ann.Cookie, new { teamId = core });
        Assert.Equal(core, await client.ActiveTeamIdAsync(ann.Cookie));
        await client.CreateOrganizationAsync(ann.Cookie, "other");
        Assert.Null(await client.ActiveTeamIdAsync(ann.Cookie));

        // A member who leaves the organization leaves its teams.
        await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = cid.UserId, organizationId = acme });
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("leave", cid.Cookie, new { organizationId = acme })).StatusCode);
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from team_members where user_id = $1", cid.UserId));
        Assert.Equal(2, await database.ScalarAsync<long>("select count(*) from audit_events where type = 'organization.team-member-removed' or (type = 'organization.team-member-added' and subject_user_id = $1)", bob.UserId));
    }

    [Fact]
    public async Task Invitations_join_teams_and_the_team_limits_hold()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Organization:Teams:MaximumTeams"] = "1";
        factory.Settings["Auth:Organization:Teams:MaximumMembersPerTeam"] = "2";
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var acme = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var core = await client.CreateTeamAsync(ann.Cookie, acme, "Core");
        await (await client.OrgPostAsync("create-team", ann.Cookie, new { name = "Second", organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS");

        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "x@example.com", role = "member", teamId = "nope" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "TEAM_NOT_FOUND");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "x@example.com", role = "member", teamId = "a,b" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_TEAM_ID");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "x@example.com", role = "member", teamId = 5 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var invited = (await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "bob@example.com", role = "member", teamId = core })).JsonAsync())!;
        Assert.Equal(core, invited["teamId"]!.GetValue<string>());
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        await database.MarkEmailVerifiedAsync("bob@example.com");
        bob = await client.SignInAsync("bob@example.com");
        var accepted = await client.OrgPostAsync("accept-invitation", bob.Cookie, new { invitationId = invited["id"]!.GetValue<string>() });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from team_members where team_id = $1 and user_id = $2", core, bob.UserId));
        Assert.Equal(core, await client.ActiveTeamIdAsync(bob.Cookie));

        var cid = await client.JoinAsync(database, ann, acme, "cid@example.com", "member");
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = cid.UserId })).StatusCode);
        await (await client.OrgPostAsync("add-team-member", ann.Cookie, new { teamId = core, userId = ann.UserId }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TEAM_MEMBER_LIMIT_REACHED");
        await (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "member", teamId = new[] { core } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "TEAM_MEMBER_LIMIT_REACHED");
        Assert.Equal(2, await database.ScalarAsync<long>("select count(*) from team_members where team_id = $1", core));
    }
}
