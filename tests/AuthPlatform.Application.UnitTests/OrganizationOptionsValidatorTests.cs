using AuthPlatform.Application.Organizations;

namespace AuthPlatform.Application.UnitTests;

public sealed class OrganizationOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new OrganizationOptionsValidator().Validate(null, new OrganizationOptions()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new OrganizationOptions
        {
            MembershipLimit = 0,
            InvitationsPerRecipientPerHour = 0,
            InvitationExpiresIn = TimeSpan.Zero,
            Roles = { ["a,b"] = new() { ["member"] = ["create"] }, ["viewer"] = new() { ["member"] = [" "] } },
        };

        var failures = new OrganizationOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.Contains("MembershipLimit", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("InvitationsPerRecipientPerHour", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("InvitationExpiresIn", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("\"a,b\"", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("empty action", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("CreatorRole", StringComparison.Ordinal)); // "owner" is not among the configured roles
    }
}
