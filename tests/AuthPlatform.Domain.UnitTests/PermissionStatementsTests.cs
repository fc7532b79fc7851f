using AuthPlatform.Domain.Access;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>BetterAuth's access rules: actions of one resource are AND, resources are AND, roles are OR.</summary>
public sealed class PermissionStatementsTests
{
    private static readonly PermissionStatements Admin = PermissionStatements.From(new Dictionary<string, string[]>
    {
        ["member"] = ["create", "update", "delete"],
        ["invitation"] = ["create", "cancel"],
    });

    private static readonly PermissionStatements Reader = PermissionStatements.From(new Dictionary<string, string[]> { ["ac"] = ["read"] });

    [Fact]
    public void Every_requested_action_of_every_requested_resource_must_be_granted()
    {
        Assert.True(Admin.Authorizes(new Dictionary<string, string[]> { ["member"] = ["create", "delete"], ["invitation"] = ["cancel"] }));
        Assert.False(Admin.Authorizes(new Dictionary<string, string[]> { ["member"] = ["create", "transfer"] }));
        Assert.False(Admin.Authorizes(new Dictionary<string, string[]> { ["member"] = ["create"], ["organization"] = ["update"] }));
    }

    [Fact]
    public void An_empty_request_or_an_empty_action_list_is_never_granted()
    {
        Assert.False(Admin.Authorizes(new Dictionary<string, string[]>()));
        Assert.False(Admin.Authorizes(new Dictionary<string, string[]> { ["member"] = [] }));
    }

    [Fact]
    public void Any_one_role_must_grant_the_whole_request_grants_are_not_pooled_across_roles()
    {
        var request = new Dictionary<string, string[]> { ["member"] = ["create"], ["ac"] = ["read"] };

        Assert.False(PermissionStatements.AnyAuthorizes([Admin, Reader], request));
        Assert.True(PermissionStatements.AnyAuthorizes([Admin, Reader], new Dictionary<string, string[]> { ["ac"] = ["read"] }));
        Assert.True(PermissionStatements.AnyAuthorizes([Admin.Union(Reader)], request));
    }

    [Fact]
    public void Role_strings_are_split_on_commas_trimmed_and_deduplicated()
    {
        Assert.Equal(["admin", "owner"], RoleNames.Parse(" admin, owner,,admin "));
        Assert.Empty(RoleNames.Parse(null));
        Assert.Equal("admin,owner,member", RoleNames.Join(["admin, owner", "member", "admin"]));
    }
}
