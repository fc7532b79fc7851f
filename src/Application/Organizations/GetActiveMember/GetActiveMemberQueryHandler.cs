using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetActiveMember;

internal sealed class GetActiveMemberQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<GetActiveMemberQuery, Result<MemberWithUserDto>>
{
    public async ValueTask<Result<MemberWithUserDto>> Handle(GetActiveMemberQuery query, CancellationToken cancellationToken) =>
        await MemberQueries.OneAsync(db, access.Required.Id, access.Member.Id, cancellationToken) is { } member
            ? member
            : Errors.Organizations.MemberNotFound;
}
