using System.CommandLine;
using System.Text.Json;
using AuthPlatform.Application.Operators.AddOrganizationMember;
using AuthPlatform.Application.Operators.ListOrganizations;
using AuthPlatform.Application.Operators.TransferOrganizationOwnership;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// Organizations for operators: <c>list-organizations [--json]</c>, <c>add-member --organization acme --email
/// ann@example.com --role admin</c>, <c>transfer-ownership --organization acme --email ann@example.com</c>. An
/// organization is named by slug or id; exit 1 for an unknown organization, user or role, or a non-member.
/// </summary>
public static class OrganizationCommandLines
{
    private static readonly JsonSerializerOptions JsonLines = new(JsonSerializerDefaults.Web);

    public static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per line (id, slug, name, memberCount)." };
        var command = new Command("list-organizations", "List organizations: id, slug, name and member count.") { json };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var organizations = await OperatorHost.AskAsync(services, new ListOrganizationsForOperatorQuery(), ct);
            foreach (var o in organizations)
            {
                await Console.Out.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(o, JsonLines)
                    : $"{o.Id} {o.Slug} {o.MemberCount} member(s) {o.Name}");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    public static Command CreateAddMember()
    {
        var organization = OrganizationOption();
        var email = new Option<string>("--email") { Description = "Email address of an existing user.", Required = true };
        var role = new Option<string>("--role") { Description = "The member's roles, comma-separated (e.g. member or admin,billing).", Required = true };
        var command = new Command("add-member", "Make an existing user a member of an organization, with roles.") { organization, email, role };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(services, new AddOrganizationMemberCommand(parse.GetValue(organization), parse.GetValue(email), parse.GetValue(role)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            var added = result.Value;
            await Console.Out.WriteLineAsync($"User {added.UserId} is now a member of {added.OrganizationSlug} ({added.OrganizationId}) with the role(s) {added.Role}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    public static Command CreateTransferOwnership()
    {
        var organization = OrganizationOption();
        var email = new Option<string>("--email") { Description = "Email address of the member who becomes owner.", Required = true };
        var formerOwnerRole = new Option<string>("--former-owner-role")
        {
            Description = "The role the other owners hold instead of owner.",
            DefaultValueFactory = _ => DefaultOrganizationRoles.Admin,
        };
        var command = new Command("transfer-ownership", "Make a member the organization's owner; the other owners lose the owner role.") { organization, email, formerOwnerRole };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var result = await OperatorHost.SendAsync(
                services, new TransferOrganizationOwnershipCommand(parse.GetValue(organization), parse.GetValue(email), parse.GetValue(formerOwnerRole)), ct);
            if (!result.IsSuccess)
            {
                return await OperatorHost.FailAsync(result.Error!);
            }

            var transferred = result.Value;
            await Console.Out.WriteLineAsync($"User {transferred.NewOwnerUserId} owns {transferred.OrganizationSlug} ({transferred.OrganizationId}).");
            foreach (var (userId, role) in transferred.Changed.Where(c => c.UserId != transferred.NewOwnerUserId))
            {
                await Console.Out.WriteLineAsync($"User {userId} now has the role(s) {role}.");
            }

            return 0;
        }, cancellationToken));
        return command;
    }

    private static Option<string> OrganizationOption() =>
        new("--organization") { Description = "The organization's slug or id (list-organizations).", Required = true };
}
