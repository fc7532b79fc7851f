using System.Diagnostics;
using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests.Organizations;

/// <summary>
/// Two instances on one database: instance B answers has-permission from the membership it holds in memory, and a
/// change made through instance A (a member's roles, an organization's own role) reaches B through PostgreSQL's
/// notifications, so B refuses what A took away. The bound here is generous (a loaded test machine); the benchmark
/// measures the real delay (docs/benchmarks).
/// </summary>
[Trait("Tier", "fast")]
public sealed class OrganizationCoherenceTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_role_taken_away_on_one_instance_is_refused_on_the_other()
    {
        await using var instanceA = Instance();
        await using var instanceB = Instance();
        var a = instanceA.CreatePlainClient();
        var b = instanceB.CreatePlainClient();
        var ann = await a.SignUpAsync();
        var acme = await a.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await a.JoinAsync(database, ann, acme, "bob@example.com", "admin");
        var bobMember = await database.MemberIdAsync(acme, bob.UserId);
        var deleteMembers = new { permissions = new { member = new[] { "delete" } } };
        var invite = new { permissions = new { invitation = new[] { "create" } } };

        Assert.True(await HasPermissionAsync(b, bob.Cookie, deleteMembers));
        Assert.True(await HasPermissionAsync(b, bob.Cookie, deleteMembers)); // now from B's memory

        Assert.Equal(HttpStatusCode.OK, (await a.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = bobMember, role = "member" })).StatusCode);
        await RefusedWithinBoundAsync(b, bob.Cookie, deleteMembers);

        // An organization's own role: its statements change on A, and B follows.
        Assert.Equal(HttpStatusCode.OK, (await a.OrgPostAsync("create-role", ann.Cookie, new { role = "inviter", permission = new { invitation = new[] { "create" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = bobMember, role = "inviter" })).StatusCode);
        await GrantedWithinBoundAsync(b, bob.Cookie, invite);
        Assert.True(await HasPermissionAsync(b, bob.Cookie, invite));

        Assert.Equal(HttpStatusCode.OK, (await a.OrgPostAsync("update-role", ann.Cookie, new { roleName = "inviter", data = new { permission = new { member = new[] { "update" } } } })).StatusCode);
        await RefusedWithinBoundAsync(b, bob.Cookie, invite);

        // Removed from the organization on A: not a member on B.
        Assert.Equal(HttpStatusCode.OK, (await a.OrgPostAsync("remove-member", ann.Cookie, new { memberIdOrEmail = "bob@example.com" })).StatusCode);
        var stopwatch = Stopwatch.StartNew();
        while ((await b.OrgPostAsync("has-permission", bob.Cookie, invite)).StatusCode == HttpStatusCode.OK)
        {
            Assert.True(stopwatch.Elapsed < Bound, "instance B still took bob for a member");
            await Task.Delay(20);
        }
    }

    private AuthApiFactory Instance()
    {
        var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Organization:DynamicAccessControl:Enabled"] = "true";
        return factory;
    }

    private static async Task<bool> HasPermissionAsync(HttpClient client, string cookie, object permissions)
    {
        var response = await client.OrgPostAsync("has-permission", cookie, permissions);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())!["success"]!.GetValue<bool>();
    }

    private static Task RefusedWithinBoundAsync(HttpClient client, string cookie, object permissions) => UntilAsync(client, cookie, permissions, false);

    private static Task GrantedWithinBoundAsync(HttpClient client, string cookie, object permissions) => UntilAsync(client, cookie, permissions, true);

    private static async Task UntilAsync(HttpClient client, string cookie, object permissions, bool expected)
    {
        var stopwatch = Stopwatch.StartNew();
        while (await HasPermissionAsync(client, cookie, permissions) != expected)
        {
            Assert.True(stopwatch.Elapsed < Bound, $"instance B did not answer {expected} within {Bound.TotalSeconds} s");
            await Task.Delay(20);
        }
    }
}
