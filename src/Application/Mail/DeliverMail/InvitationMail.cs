using System.Globalization;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Mail.DeliverMail;

/// <summary>
/// The mail of an organization invitation, decided at send time: an invitation canceled, answered or expired
/// since it was queued is not sent. It carries no secret: the link only shows the invitation to its signed-in recipient.
/// </summary>
internal static class InvitationMail
{
    public static async Task<PreparedMail?> PrepareAsync(IAuthDbContext db, IServiceUrls urls, MailJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await (
            from i in db.Invitations.AsNoTracking()
            where i.Id == job.InvitationId
            join o in db.Organizations.AsNoTracking() on i.OrganizationId equals o.Id
            join u in db.Users.AsNoTracking() on i.InviterId equals u.Id
            select new { Invitation = i, OrganizationName = o.Name, InviterName = u.Name, InviterEmail = u.Email })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !found.Invitation.IsOpenAt(now) || found.Invitation.Email != job.Recipient)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["email"] = job.Recipient,
            ["url"] = urls.InvitationLink(found.Invitation.Id, job.CallbackUrl),
            ["invitationId"] = found.Invitation.Id,
            ["organizationName"] = found.OrganizationName,
            ["inviterName"] = found.InviterName,
            ["inviterEmail"] = found.InviterEmail,
            ["role"] = found.Invitation.Role,
            ["expiresInHours"] = ((int)Math.Ceiling((found.Invitation.ExpiresAt - now).TotalHours)).ToString(CultureInfo.InvariantCulture),
        };
        return new PreparedMail(job.Kind, job.Recipient, values);
    }
}
