using AuthPlatform.Application.Organizations;
using Mediator;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// Every organization use case passes the one organization gate (it is an <see cref="IOrganizationRequest"/>), or says
/// why it acts on the caller alone (<see cref="OutsideOrganizationGateAttribute"/>): a new route cannot skip the gate by omission.
/// </summary>
public sealed class OrganizationGateTests
{
    [Fact]
    public void Every_organization_request_is_gated_or_says_why_not()
    {
        var requests = Layers.Application.GetTypes()
            .Where(t => t.Namespace?.StartsWith("AuthPlatform.Application.Organizations", StringComparison.Ordinal) == true)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        Assert.True(requests.Count >= 20, $"only {requests.Count} organization requests were found");
        var ungated = requests
            .Where(t => !typeof(IOrganizationRequest).IsAssignableFrom(t))
            .Where(t => t.GetCustomAttributes(typeof(OutsideOrganizationGateAttribute), false).Length == 0)
            .Select(t => t.FullName)
            .ToList();
        Assert.True(ungated.Count == 0, "Organization requests that neither pass the gate nor say why: " + string.Join(", ", ungated));
        Assert.DoesNotContain(requests, t => typeof(IOrganizationRequest).IsAssignableFrom(t)
            && t.GetCustomAttributes(typeof(OutsideOrganizationGateAttribute), false).Length > 0);
    }
}
