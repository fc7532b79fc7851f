using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>create, check-slug, update, delete, list, get-full-organization, set-active, and the session's active organization.</summary>
[Trait("Tier", "fast")]
public sealed class OrganizationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task The_creator_becomes_owner_and_the_organization_becomes_active()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();

        var created = await client.OrgPostAsync("create", ann.Cookie, new { name = "Acme", slug = "acme", metadata = new { plan = "pro" } });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var json = (await created.JsonAsync())!;
        var id = json["id"]!.GetValue<string>();
        Assert.Equal("pro", json["metadata"]!["plan"]!.GetValue<string>()); // an object on create, as BetterAuth
        Assert.Equal("owner", json["members"]![0]!["role"]!.GetValue<string>());
        Assert.Equal(ann.UserId, json["members"]![0]!["userId"]!.GetValue<string>());
        Assert.Equal(id, await client.ActiveOrganizationIdAsync(ann.Cookie));

        var list = (await (await client.OrgGetAsync("list", ann.Cookie)).JsonAsync())!.AsArray();
        Assert.Equal("acme", Assert.Single(list)!["slug"]!.GetValue<string>());
        Assert.Equal("{\"plan\":\"pro\"}", list[0]!["metadata"]!.GetValue<string>()); // the stored text in lists, as BetterAuth

        await (await client.OrgPostAsync("check-slug", ann.Cookie, new { slug = "acme" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORGANIZATION_SLUG_ALREADY_TAKEN");
        Assert.True((await (await client.OrgPostAsync("check-slug", ann.Cookie, new { slug = "acme-2" })).JsonAsync())!["status"]!.GetValue<bool>());
        await (await client.OrgPostAsync("create", ann.Cookie, new { name = "Again", slug = "acme" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ORGANIZATION_ALREADY_EXISTS");
        await (await client.OrgPostAsync("create", ann.Cookie, new { name = "Bad", slug = "Not A Slug" })).AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        await (await client.OrgPostAsync("create", ann.Cookie, new { name = "Bad", slug = "bad", metadata = "text" })).AssertProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");

        await client.CreateOrganizationAsync(ann.Cookie, "second", keepCurrentActiveOrganization: true);
        Assert.Equal(id, await client.ActiveOrganizationIdAsync(ann.Cookie));
    }

    [Fact]
    public async Task The_active_organization_and_the_member_roles_are_in_the_jwt_and_follow_changes()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");

        var claims = TokenApi.Payload(await client.GetTokenAsync(ann.Token));
        Assert.Equal(id, claims["org_id"]!.GetValue<string>());
        Assert.Equal("owner", Assert.Single(claims["org_roles"]!.AsArray())!.GetValue<string>());

        var bob = await client.JoinAsync(database, ann, id, "bob@example.com", "member");
        var bobClaims = TokenApi.Payload(await client.GetTokenAsync(bob.Token));
        Assert.Equal(id, bobClaims["org_id"]!.GetValue<string>());
        Assert.Equal("member", Assert.Single(bobClaims["org_roles"]!.AsArray())!.GetValue<string>());

        var promoted = await client.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = await database.MemberIdAsync(id, bob.UserId), role = new[] { "admin", "member" } });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal(["admin", "member"], TokenApi.Payload(await client.GetTokenAsync(bob.Token))["org_roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.OK, (await client.OrgPostAsync("set-active", ann.Cookie, new { organizationId = (string?)null })).StatusCode);
        Assert.Null(await client.ActiveOrganizationIdAsync(ann.Cookie));
        Assert.False(TokenApi.Payload(await client.GetTokenAsync(ann.Token)).ContainsKey("org_id"));
    }

    [Fact]
    public async Task Update_needs_organization_update_and_delete_needs_organization_delete()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await client.JoinAsync(database, ann, id, "bob@example.com", "member");
        var cid = await client.JoinAsync(database, ann, id, "cid@example.com", "admin");

        await (await client.OrgPostAsync("update", bob.Cookie, new { organizationId = id, data = new { name = "Bob's" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION");
        var updated = await client.OrgPostAsync("update", cid.Cookie, new { organizationId = id, data = new { name = "Acme Inc", slug = "acme-inc", metadata = new { a = 1 } } });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("acme-inc", (await updated.JsonAsync())!["slug"]!.GetValue<string>());
        Assert.Equal(1, (await updated.JsonAsync())!["metadata"]!["a"]!.GetValue<int>());

        await (await client.OrgPostAsync("delete", cid.Cookie, new { organizationId = id }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION");
        var deleted = await client.OrgPostAsync("delete", ann.Cookie, new { organizationId = id });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Acme Inc", (await deleted.JsonAsync())!["name"]!.GetValue<string>());
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from members"));
        Assert.Null(await client.ActiveOrganizationIdAsync(ann.Cookie));
        Assert.Null(await client.ActiveOrganizationIdAsync(bob.Cookie));
    }

    [Fact]
    public async Task Get_full_organization_shows_members_and_invitations_to_inviters_only_and_set_active_switches()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var first = await client.CreateOrganizationAsync(ann.Cookie, "first");
        var second = await client.CreateOrganizationAsync(ann.Cookie, "second");
        Assert.Equal(second, await client.ActiveOrganizationIdAsync(ann.Cookie));
        var bob = await client.JoinAsync(database, ann, second, "bob@example.com", "member");
        await client.InviteAsync(ann.Cookie, second, "dan@example.com", "member");

        var full = (await (await client.OrgGetAsync("get-full-organization", ann.Cookie)).JsonAsync())!;
        Assert.Equal(second, full["id"]!.GetValue<string>());
        Assert.Equal(2, full["members"]!.AsArray().Count);
        Assert.Contains(full["members"]!.AsArray(), m => m!["user"]!["email"]!.GetValue<string>() == "bob@example.com");
        Assert.Equal(2, full["invitations"]!.AsArray().Count); // bob's (accepted) and dan's
        var asMember = (await (await client.OrgGetAsync("get-full-organization?organizationSlug=second", bob.Cookie)).JsonAsync())!;
        Assert.Empty(asMember["invitations"]!.AsArray());

        var switched = await client.OrgPostAsync("set-active", ann.Cookie, new { organizationSlug = "first" });
        Assert.Equal(first, (await switched.JsonAsync())!["id"]!.GetValue<string>());
        Assert.Equal(first, await client.ActiveOrganizationIdAsync(ann.Cookie));
        await (await client.OrgPostAsync("set-active", bob.Cookie, new { organizationId = first }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");

        var none = await client.SignUpAsync("eve@example.com", name: "Eve");
        Assert.Equal("null", await (await client.OrgGetAsync("get-full-organization", none.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_organization_answers_the_organization_alone_to_its_members()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var id = await client.CreateOrganizationAsync(ann.Cookie, "acme");
        var eve = await client.SignUpAsync("eve@example.com", name: "Eve");

        var active = (await (await client.OrgGetAsync("get-organization", ann.Cookie)).JsonAsync())!;
        Assert.Equal(id, active["id"]!.GetValue<string>());
        Assert.Equal("acme", active["slug"]!.GetValue<string>());
        Assert.Null(active["members"]);
        Assert.Equal(id, (await (await client.OrgGetAsync("get-organization?organizationSlug=acme", ann.Cookie)).JsonAsync())!["id"]!.GetValue<string>());
        Assert.Equal(id, (await (await client.OrgGetAsync("get-organization?organizationId=" + id, ann.Cookie)).JsonAsync())!["id"]!.GetValue<string>());

        await (await client.OrgGetAsync("get-organization?organizationId=" + id, eve.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        await (await client.OrgGetAsync("get-organization?organizationId=nope", ann.Cookie))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "ORGANIZATION_NOT_FOUND");
        Assert.Equal("null", await (await client.OrgGetAsync("get-organization", eve.Cookie)).Content.ReadAsStringAsync());
    }
}
