using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>list-members, get-active-member(-role), update-member-role, remove-member, leave, and the last-owner rule.</summary>
[Trait("Tier", "fast")]
public sealed class OrganizationMemberTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Members_are_listed_read_changed_and_removed_within_permissions()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, id, "bob@example.com", "member");
        var cid = await client.JoinAsync(database, ann, id, "cid@example.com", new[] { "admin" });

        var page = (await (await client.OrgGetAsync("list-members?limit=2&sortDirection=desc", bob.Cookie)).JsonAsync())!;
        Assert.Equal(3, page["total"]!.GetValue<int>());
        Assert.Equal(2, page["members"]!.AsArray().Count);
        Assert.Equal("cid@example.com", page["members"]![0]!["user"]!["email"]!.GetValue<string>());

        var active = (await (await client.OrgGetAsync("get-active-member", bob.Cookie)).JsonAsync())!;
        Assert.Equal(bob.UserId, active["userId"]!.GetValue<string>());
        Assert.Equal("member", active["role"]!.GetValue<string>());
        Assert.Equal("admin", (await (await client.OrgGetAsync($"get-active-member-role?userId={cid.UserId}", bob.Cookie)).JsonAsync())!["role"]!.GetValue<string>());

        var bobMember = await database.MemberIdAsync(id, bob.UserId);
        await (await client.OrgPostAsync("update-member-role", bob.Cookie, new { memberId = bobMember, role = "admin" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER");
        await (await client.OrgPostAsync("update-member-role", cid.Cookie, new { memberId = bobMember, role = "owner" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER"); // only an owner makes an owner
        var unknown = await client.OrgPostAsync("update-member-role", cid.Cookie, new { memberId = bobMember, role = "wizard" });
        Assert.Equal("ROLE_NOT_FOUND: wizard", (await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "ROLE_NOT_FOUND"))["message"]!.GetValue<string>());
        var changed = await client.OrgPostAsync("update-member-role", cid.Cookie, new { memberId = bobMember, role = new[] { "member", "admin" } });
        Assert.Equal("member,admin", (await changed.JsonAsync())!["role"]!.GetValue<string>());

        await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = bobMember, role = "member" });
        await (await client.OrgPostAsync("remove-member", bob.Cookie, new { memberIdOrEmail = "cid@example.com" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER");
        var removed = await client.OrgPostAsync("remove-member", cid.Cookie, new { memberIdOrEmail = "bob@example.com" });
        Assert.Equal(bob.UserId, (await removed.JsonAsync())!["member"]!["userId"]!.GetValue<string>());
        Assert.Null(await client.ActiveOrganizationIdAsync(bob.Cookie));
        await (await client.OrgGetAsync("list-members?organizationId=" + id, bob.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION");
    }

    [Fact]
    public async Task An_organization_never_loses_its_last_owner()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var cid = await client.JoinAsync(database, ann, id, "cid@example.com", "admin");
        var annMember = await database.MemberIdAsync(id, ann.UserId);

        await (await client.OrgPostAsync("leave", ann.Cookie, new { organizationId = id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
        await (await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = annMember, role = "admin" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER");
        await (await client.OrgPostAsync("remove-member", cid.Cookie, new { memberIdOrEmail = annMember }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
        await (await client.OrgPostAsync("remove-member", ann.Cookie, new { memberIdOrEmail = annMember }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
        Assert.Equal("owner", await database.ScalarAsync<string>("select role from members where id = $1", annMember));

        // With a second owner, the first may go.
        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = await database.MemberIdAsync(id, cid.UserId), role = "owner" })).StatusCode);
        var left = await client.OrgPostAsync("leave", ann.Cookie, new { organizationId = id });
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("ann@example.com", (await left.JsonAsync())!["user"]!["email"]!.GetValue<string>());
        await (await client.OrgPostAsync("leave", cid.Cookie, new { organizationId = id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER");
    }
}
