using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>list-organizations, add-member and transfer-ownership, with the organization made over HTTP by its owner.</summary>
public sealed class OrganizationCommandTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task List_organizations_shows_id_slug_name_and_member_count_as_text_and_as_json()
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme Robotics");
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "add-member", "--organization", "acme", "--email", "bob@example.com", "--role", "member")).ExitCode);

        var text = await OperatorCli.RunAsync(Good(), "list-organizations");
        var json = await OperatorCli.RunAsync(Good(), "list-organizations", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains($"{acme} acme 2 member(s) Acme Robotics", text.Output, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 0, json.ToString());
        var line = JsonNode.Parse(json.Output.Trim())!.AsObject();
        Assert.Equal(acme, line["id"]!.GetValue<string>());
        Assert.Equal("acme", line["slug"]!.GetValue<string>());
        Assert.Equal("Acme Robotics", line["name"]!.GetValue<string>());
        Assert.Equal(2, line["memberCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Add_member_adds_an_existing_user_with_roles_by_slug_or_id_and_records_it()
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme");

        var bySlug = await OperatorCli.RunAsync(Good(), "add-member", "--organization", "ACME", "--email", "Bob@Example.com", "--role", "admin,member");
        await SignUpAsync("cleo@example.com");
        var byId = await OperatorCli.RunAsync(Good(), "add-member", "--organization", acme, "--email", "cleo@example.com", "--role", "member");

        Assert.True(bySlug.ExitCode == 0, bySlug.ToString());
        Assert.Contains("is now a member of acme", bySlug.Output, StringComparison.Ordinal);
        Assert.True(byId.ExitCode == 0, byId.ToString());
        Assert.Equal("admin,member", await RoleAsync(acme, "bob@example.com"));
        Assert.Equal("member", await RoleAsync(acme, "cleo@example.com"));
        Assert.Equal(2, await database.ScalarAsync<int>(
            "select count(*)::int from audit_events where type = 'organization.member-joined' and organization_id = $1 and actor_id = 'operator'", acme));
    }

    [Theory]
    [InlineData("acme", "nobody@example.com", "member", "USER_NOT_FOUND")]
    [InlineData("no-such-org", "bob@example.com", "member", "ORGANIZATION_NOT_FOUND")]
    [InlineData("acme", "bob@example.com", "member,janitor", "ROLE_NOT_FOUND")]
    [InlineData("acme", "ann@example.com", "member", "USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION")]
    public async Task Add_member_refuses_unknown_users_organizations_and_roles_and_existing_members(string organization, string email, string role, string code)
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme");

        var result = await OperatorCli.RunAsync(Good(), "add-member", "--organization", organization, "--email", email, "--role", role);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(code, result.Errors, StringComparison.Ordinal);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from members where organization_id = $1", acme));
    }

    [Fact]
    public async Task Transfer_ownership_makes_the_member_the_owner_and_the_other_owners_admins()
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme");
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "add-member", "--organization", "acme", "--email", "bob@example.com", "--role", "member")).ExitCode);

        var result = await OperatorCli.RunAsync(Good(), "transfer-ownership", "--organization", "acme", "--email", "bob@example.com");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("owns acme", result.Output, StringComparison.Ordinal);
        Assert.Equal("member,owner", await RoleAsync(acme, "bob@example.com"));
        Assert.Equal("admin", await RoleAsync(acme, "ann@example.com"));
        Assert.Equal(2, await database.ScalarAsync<int>(
            "select count(*)::int from audit_events where type = 'organization.member-role-changed' and organization_id = $1 and actor_id = 'operator'", acme));
    }

    [Fact]
    public async Task Transfer_ownership_takes_the_role_former_owners_get()
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme");
        Assert.Equal(0, (await OperatorCli.RunAsync(Good(), "add-member", "--organization", acme, "--email", "bob@example.com", "--role", "admin")).ExitCode);

        var result = await OperatorCli.RunAsync(Good(), "transfer-ownership", "--organization", acme, "--email", "bob@example.com", "--former-owner-role", "member");
        var ownerAsFormer = await OperatorCli.RunAsync(Good(), "transfer-ownership", "--organization", acme, "--email", "ann@example.com", "--former-owner-role", "owner");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("admin,owner", await RoleAsync(acme, "bob@example.com"));
        Assert.Equal("member", await RoleAsync(acme, "ann@example.com"));
        Assert.Equal(1, ownerAsFormer.ExitCode);
        Assert.Contains("ROLE_NOT_FOUND", ownerAsFormer.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme", "cleo@example.com", "USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION")]
    [InlineData("acme", "nobody@example.com", "USER_NOT_FOUND")]
    [InlineData("no-such-org", "cleo@example.com", "ORGANIZATION_NOT_FOUND")]
    public async Task Transfer_ownership_refuses_a_non_member_and_changes_nothing(string organization, string email, string code)
    {
        var acme = await CreateOrganizationAsync("ann@example.com", "acme", "Acme");
        await SignUpAsync("cleo@example.com");

        var result = await OperatorCli.RunAsync(Good(), "transfer-ownership", "--organization", organization, "--email", email);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(code, result.Errors, StringComparison.Ordinal);
        Assert.Equal("owner", await RoleAsync(acme, "ann@example.com"));
    }

    private Dictionary<string, string?> Good() => OperatorCli.GoodEnvironment(database.ConnectionString);

    /// <summary>Signs up the owner and bob, and has the owner create the organization over HTTP; answers its id.</summary>
    private async Task<string> CreateOrganizationAsync(string ownerEmail, string slug, string name)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var owner = await client.SignUpAsync(ownerEmail);
        await client.SignUpAsync("bob@example.com", name: "Bob");
        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "organization/create", owner.Cookie, new { name, slug }));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    private async Task SignUpAsync(string email)
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        await factory.CreatePlainClient().SignUpAsync(email, name: email.Split('@')[0]);
    }

    private Task<string> RoleAsync(string organizationId, string email) =>
        database.ScalarAsync<string>(
            "select m.role from members m join users u on u.id = m.user_id where m.organization_id = $1 and u.email = $2", organizationId, email);
}
