using AuthPlatform.Application.Organizations;
using AuthPlatform.Domain.Organizations;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.UnitTests;

/// <summary>
/// has-permission's answer (OrganizationRoles over configured roles) against a reference written here from BetterAuth's
/// rules alone: a request is granted when some one of the member's roles grants every listed action of every listed
/// resource; an empty request, an empty action list, an unknown resource or an unknown role grants nothing.
/// </summary>
public sealed class OrganizationPermissionPropertyTests
{
    private static readonly string[] Resources = ["organization", "member", "invitation", "team"];
    private static readonly string[] Actions = ["create", "read", "update", "delete"];

    [Fact]
    public void Has_permission_agrees_with_the_reference_on_random_roles_and_requests()
    {
        var random = new Random(20261207);
        var granted = 0;
        for (var trial = 0; trial < 3000; trial++)
        {
            var configured = RandomRoles(random);
            var options = new OrganizationOptions { CreatorRole = configured.Keys.First() };
            foreach (var (name, statements) in configured)
            {
                options.Roles[name] = statements;
            }

            var roles = new OrganizationRoles(Options.Create(options));
            var memberRoles = Enumerable.Range(0, random.Next(1, 4)).Select(_ => "role" + random.Next(0, 5)).ToList();
            var request = RandomRequest(random);

            var expected = Reference(configured, memberRoles, request);
            var actual = roles.Configured.Authorizes(string.Join(',', memberRoles), request);

            Assert.True(expected == actual,
                $"trial {trial}: roles {Show(configured)}, member {string.Join(',', memberRoles)}, request {Show(request)}: expected {expected}");
            granted += expected ? 1 : 0;
        }

        Assert.InRange(granted, 100, 2900); // both answers were exercised
    }

    [Fact]
    public void The_default_roles_are_betterauths()
    {
        var roles = new OrganizationRoles(Options.Create(new OrganizationOptions()));

        Assert.True(roles.Configured.Authorizes("owner", Needs("organization", "delete")));
        Assert.False(roles.Configured.Authorizes("admin", Needs("organization", "delete")));
        Assert.True(roles.Configured.Authorizes("admin", Needs("organization", "update")));
        Assert.True(roles.Configured.Authorizes("admin", Needs("invitation", "cancel")));
        Assert.False(roles.Configured.Authorizes("member", Needs("invitation", "create")));
        Assert.True(roles.Configured.Authorizes("member", Needs("ac", "read")));
        Assert.True(roles.Configured.Authorizes("member,admin", Needs("member", "delete")));
        Assert.Equal(["nobody"], roles.Configured.Unknown(["owner", "nobody"]));
    }

    [Fact]
    public void An_organizations_own_roles_join_the_configured_ones_and_merge_with_a_configured_name()
    {
        var roles = new OrganizationRoles(Options.Create(new OrganizationOptions()));
        var now = DateTimeOffset.UnixEpoch;
        var inForce = roles.With([
            OrganizationRole.Define("org", "auditor", "{\"member\":[\"delete\"]}", now),
            OrganizationRole.Define("org", "member", "{\"team\":[\"create\"]}", now),
        ]);

        Assert.True(inForce.Authorizes("auditor", Needs("member", "delete")));
        Assert.False(inForce.Authorizes("auditor", Needs("ac", "read")));
        Assert.True(inForce.Authorizes("member", Needs("team", "create")));
        Assert.True(inForce.Authorizes("member", Needs("ac", "read")));
        Assert.Empty(inForce.Unknown(["auditor", "owner"]));
        Assert.False(roles.Configured.Exists("auditor"));
        Assert.Equal(["member:delete"], inForce.Missing("member", new Dictionary<string, string[]> { ["member"] = ["delete"], ["ac"] = ["read"] }));
    }

    private static Dictionary<string, string[]> Needs(string resource, string action) => new() { [resource] = [action] };

    private static bool Reference(Dictionary<string, Dictionary<string, string[]>> configured, List<string> memberRoles, Dictionary<string, string[]> request)
    {
        if (request.Count == 0)
        {
            return false;
        }

        foreach (var name in memberRoles)
        {
            if (!configured.TryGetValue(name, out var grants))
            {
                continue;
            }

            var all = true;
            foreach (var (resource, actions) in request)
            {
                if (actions.Length == 0 || !grants.TryGetValue(resource, out var allowed) || actions.Any(a => !allowed.Contains(a)))
                {
                    all = false;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, Dictionary<string, string[]>> RandomRoles(Random random)
    {
        var roles = new Dictionary<string, Dictionary<string, string[]>>(StringComparer.Ordinal);
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            roles["role" + i] = Resources.Where(_ => random.Next(3) > 0)
                .ToDictionary(r => r, _ => Actions.Where(_ => random.Next(2) == 0).ToArray());
        }

        return roles;
    }

    private static Dictionary<string, string[]> RandomRequest(Random random) =>
        Resources.Append("billing").Where(_ => random.Next(3) == 0)
            .ToDictionary(r => r, _ => Actions.Where(_ => random.Next(3) == 0).ToArray());

    private static string Show(Dictionary<string, string[]> grants) =>
        "{" + string.Join(", ", grants.Select(g => $"{g.Key}:[{string.Join(',', g.Value)}]")) + "}";

    private static string Show(Dictionary<string, Dictionary<string, string[]>> roles) =>
        string.Join("; ", roles.Select(r => r.Key + "=" + Show(r.Value)));
}
