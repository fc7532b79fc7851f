using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>
/// Dynamic access control: an organization's own roles are created, read, changed and deleted within ac permissions,
/// may be held by members, and every permission decision (the gate, has-permission) consults them.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OrganizationRoleTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_role_routes_answer_404_while_dynamic_access_control_is_off()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        await client.CreateOrganizationAsync(ann.Cookie, "acme");

        await (await client.OrgPostAsync("create-role", ann.Cookie, new { role = "auditor", permission = new { member = new[] { "update" } } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED");
        await (await client.OrgGetAsync("list-roles", ann.Cookie)).AssertProblemAsync(HttpStatusCode.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED");
        await (await client.OrgGetAsync("get-role?roleName=auditor", ann.Cookie)).AssertProblemAsync(HttpStatusCode.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED");
        await (await client.OrgPostAsync("update-role", ann.Cookie, new { roleName = "auditor", data = new { roleName = "x" } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED");
        await (await client.OrgPostAsync("delete-role", ann.Cookie, new { roleName = "auditor" }))
            .AssertProblemAsync(HttpStatusCode.NotFound, "DYNAMIC_ACCESS_CONTROL_DISABLED");
    }

    [Fact]
    public async Task Own_roles_are_managed_within_ac_permissions_held_by_members_and_consulted_by_every_check()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Organization:DynamicAccessControl:Enabled"] = "true";
        factory.Settings["Auth:Organization:DynamicAccessControl:MaximumRolesPerOrganization"] = "2";
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var acme = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, acme, "bob@example.com", "member");
        var cid = await client.JoinAsync(database, ann, acme, "cid@example.com", "admin");
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");

        var created = (await (await client.OrgPostAsync("create-role", ann.Cookie, new { role = "Auditor", permission = new { member = new[] { "update" }, invitation = new[] { "create" } } })).JsonAsync())!;
        Assert.True(created["success"]!.GetValue<bool>());
        Assert.Equal("auditor", created["roleData"]!["role"]!.GetValue<string>());
        Assert.Equal(acme, created["roleData"]!["organizationId"]!.GetValue<string>());
        Assert.Equal("update", created["statements"]!["member"]![0]!.GetValue<string>());

        object Create(string role, object permission) => new { role, permission, organizationId = acme };
        await (await client.OrgPostAsync("create-role", ann.Cookie, Create("owner", new { member = new[] { "update" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NAME_IS_ALREADY_TAKEN");
        await (await client.OrgPostAsync("create-role", ann.Cookie, Create("AUDITOR", new { member = new[] { "update" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NAME_IS_ALREADY_TAKEN");
        await (await client.OrgPostAsync("create-role", ann.Cookie, Create("pilot", new { spaceship = new[] { "fly" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_RESOURCE");
        await (await client.OrgPostAsync("create-role", bob.Cookie, Create("mine", new { member = new[] { "update" } })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE");
        var escalation = await client.OrgPostAsync("create-role", cid.Cookie, Create("deleter", new { organization = new[] { "delete" } }));
        Assert.Contains("organization:delete", (await escalation.AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE"))["message"]!.GetValue<string>());
        await (await client.OrgPostAsync("create-role", eve.Cookie, Create("mine", new { member = new[] { "update" } })))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
        await (await client.OrgPostAsync("create-role", eve.Cookie, new { role = "mine", permission = new { member = new[] { "update" } } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE");
        await (await client.OrgPostAsync("create-role", ann.Cookie, Create("two words", new { member = new[] { "update" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await client.OrgPostAsync("create-role", ann.Cookie, new { role = "empty", organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        var listed = (await (await client.OrgGetAsync("list-roles", bob.Cookie)).JsonAsync())!.AsArray();
        Assert.Equal("auditor", Assert.Single(listed)!["role"]!.GetValue<string>());
        var read = (await (await client.OrgGetAsync("get-role?roleName=auditor", bob.Cookie)).JsonAsync())!;
        Assert.Equal("create", read["permission"]!["invitation"]![0]!.GetValue<string>());
        Assert.Equal("auditor", (await (await client.OrgGetAsync("get-role?roleId=" + read["id"]!.GetValue<string>(), ann.Cookie)).JsonAsync())!["role"]!.GetValue<string>());
        await (await client.OrgGetAsync("get-role?roleName=nope", ann.Cookie)).AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND");
        await (await client.OrgGetAsync("get-role", ann.Cookie)).AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND");
        await (await client.OrgGetAsync($"get-role?roleName=auditor&organizationId={acme}", eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");

        // A member holds the role: has-permission and the gate follow it.
        var mayInvite = new { permissions = new { invitation = new[] { "create" } } };
        Assert.False((await (await client.OrgPostAsync("has-permission", bob.Cookie, mayInvite)).JsonAsync())!["success"]!.GetValue<bool>());
        var bobMember = await database.MemberIdAsync(acme, bob.UserId);
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = bobMember, role = "auditor" })).StatusCode);
        Assert.True((await (await client.OrgPostAsync("has-permission", bob.Cookie, mayInvite)).JsonAsync())!["success"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await client.OrgGetAsync("list-invitations", bob.Cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("invite-member", ann.Cookie, new { email = "dan@example.com", role = "auditor" })).StatusCode);
        await (await client.OrgGetAsync("list-roles", bob.Cookie)).AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE");

        // Changed statements take effect at once; a held role keeps its name.
        var updated = (await (await client.OrgPostAsync("update-role", ann.Cookie, new { roleName = "auditor", data = new { permission = new { member = new[] { "update" } } } })).JsonAsync())!;
        Assert.Null(updated["roleData"]!["permission"]!["invitation"]);
        await (await client.OrgGetAsync("list-invitations", bob.Cookie)).AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_LIST_INVITATIONS");
        await (await client.OrgPostAsync("update-role", ann.Cookie, new { roleName = "auditor", data = new { roleName = "reviewer" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_IS_ASSIGNED_TO_MEMBERS");
        await (await client.OrgPostAsync("update-role", cid.Cookie, new { roleName = "auditor", data = new { permission = new { organization = new[] { "delete" } } } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE");
        await (await client.OrgPostAsync("update-role", ann.Cookie, new { roleName = "nope", data = new { roleName = "x" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND");

        await (await client.OrgPostAsync("delete-role", ann.Cookie, new { roleName = "auditor" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_IS_ASSIGNED_TO_MEMBERS");
        await (await client.OrgPostAsync("delete-role", ann.Cookie, new { roleName = "owner" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "CANNOT_DELETE_A_PRE_DEFINED_ROLE");
        await (await client.OrgPostAsync("delete-role", bob.Cookie, new { roleName = "auditor" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE");
        await (await client.OrgPostAsync("delete-role", ann.Cookie, new { organizationId = acme }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND");

        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("create-role", ann.Cookie, Create("spare", new { team = new[] { "create" } }))).StatusCode);
        await (await client.OrgPostAsync("create-role", ann.Cookie, Create("third", new { team = new[] { "create" } })))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "TOO_MANY_ROLES");
        await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = bobMember, role = "member" });
        // dan's open invitation still names it: accepting would hand out a role that no longer exists.
        await (await client.OrgPostAsync("delete-role", ann.Cookie, new { roleName = "auditor" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_IS_NAMED_IN_PENDING_INVITATIONS");
        var dansInvitation = await database.ScalarAsync<string>("select id from invitations where email = 'dan@example.com'");
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("cancel-invitation", ann.Cookie, new { invitationId = dansInvitation })).StatusCode);
        var deleted = await client.OrgPostAsync("delete-role", ann.Cookie, new { roleName = "auditor" });
        Assert.True((await deleted.JsonAsync())!["success"]!.GetValue<bool>());
        Assert.Equal("spare", Assert.Single((await (await client.OrgGetAsync("list-roles", ann.Cookie)).JsonAsync())!.AsArray())!["role"]!.GetValue<string>());
        Assert.Equal("organization.role-created,organization.role-created,organization.role-deleted,organization.role-updated",
            await database.ScalarAsync<string>("select string_agg(type, ',' order by type) from audit_events where organization_id = $1 and type like 'organization.role%'", acme));
    }
}
