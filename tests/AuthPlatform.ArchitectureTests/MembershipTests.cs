using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// A user joins an organization, or a team, in one place each (OrganizationMembers, TeamMembership): the membership
/// limit, the "already a member" answer and the audit event are decided there, not copied by the next way to add a
/// member. The creator of a new organization is its first member, with no limit to check.
/// </summary>
public sealed class MembershipTests
{
    [Theory]
    [InlineData("AuthPlatform.Domain.Organizations.Member", "AuthPlatform.Application.Organizations.OrganizationMembers",
        "AuthPlatform.Application.Organizations.CreateOrganization.CreateOrganizationCommandHandler")]
    [InlineData("AuthPlatform.Domain.Organizations.TeamMember", "AuthPlatform.Application.Organizations.TeamMembership")]
    public void Members_join_in_one_place(string memberType, params string[] allowed)
    {
        var callers = new[] { Layers.Application, Layers.Infrastructure, Layers.WebApi }
            .SelectMany(assembly => ModuleDefinition.ReadModule(assembly.Location).GetTypes())
            .SelectMany(type => type.Methods.Where(m => m.HasBody).Select(m => (Type: type, Method: m)))
            .Where(m => m.Method.Body.Instructions.Any(i =>
                i.OpCode == OpCodes.Call && i.Operand is MethodReference { Name: "Join" } join && join.DeclaringType.FullName == memberType))
            .Select(m => Outermost(m.Type).FullName)
            .Distinct()
            .ToList();

        Assert.NotEmpty(callers);
        Assert.True(callers.All(allowed.Contains), $"{memberType}.Join called outside {string.Join(", ", allowed)}: {string.Join(", ", callers.Except(allowed))}");
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }
}
