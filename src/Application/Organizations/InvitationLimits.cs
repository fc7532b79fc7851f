using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Results;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// How many invitations (sends and resends) an organization may send, and an address may receive, per hour
/// (Auth:Organization). Counted in the shared credential-limit store, one atomic increment per key, so concurrent
/// invitations on any number of instances cannot pass together.
/// </summary>
public sealed class InvitationLimits(ICredentialLimitStore counter, IOptions<OrganizationOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Counts one invitation; a 429 with Retry-After when either budget is spent.</summary>
    public async Task<Error?> RefusalAsync(string organizationId, string email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byOrganization = FixedWindow.Decide(
            await counter.CountAsync($"org-invite|org|{organizationId}", now, Window, cancellationToken), options.Value.InvitationsPerOrganizationPerHour, Window, now);
        if (!byOrganization.Allowed)
        {
            return Errors.Organizations.TooManyInvitations(byOrganization.RetryAfter);
        }

        var byRecipient = FixedWindow.Decide(
            await counter.CountAsync($"org-invite|to|{email}", now, Window, cancellationToken), options.Value.InvitationsPerRecipientPerHour, Window, now);
        return byRecipient.Allowed ? null : Errors.Organizations.TooManyInvitations(byRecipient.RetryAfter);
    }
}
