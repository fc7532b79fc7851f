using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>Members with their users, always within one organization. Filter and sort on the rows; shape the answer last.</summary>
internal static class MemberQueries
{
    public static IQueryable<MemberRow> WithUsers(IAuthDbContext db, string organizationId) =>
        from m in db.Members.AsNoTracking()
        where m.OrganizationId == organizationId
        join u in db.Users.AsNoTracking() on m.UserId equals u.Id
        select new MemberRow { Member = m, User = u };

    public static async Task<MemberWithUserDto?> OneAsync(IAuthDbContext db, string organizationId, string memberId, CancellationToken cancellationToken) =>
        await WithUsers(db, organizationId).FirstOrDefaultAsync(r => r.Member.Id == memberId, cancellationToken) is { } row ? row.ToDto() : null;

    public static async Task<List<MemberWithUserDto>> ToDtosAsync(this IQueryable<MemberRow> rows, CancellationToken cancellationToken) =>
        (await rows.ToListAsync(cancellationToken)).Select(r => r.ToDto()).ToList();
}

/// <summary>A member row and its user, for queries that filter and sort before shaping the answer.</summary>
internal sealed class MemberRow
{
    public required Member Member { get; init; }

    public required User User { get; init; }

    public MemberWithUserDto ToDto() =>
        new(Member.Id, Member.OrganizationId, Member.UserId, Member.Role, Member.CreatedAt, new MemberUserDto(User.Id, User.Name, User.Email, User.Image));
}
