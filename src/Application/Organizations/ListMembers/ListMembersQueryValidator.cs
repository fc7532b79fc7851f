using FluentValidation;

namespace AuthPlatform.Application.Organizations.ListMembers;

internal sealed class ListMembersQueryValidator : AbstractValidator<ListMembersQuery>
{
    public ListMembersQueryValidator()
    {
        RuleFor(q => q.Limit).GreaterThan(0).When(q => q.Limit is not null);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).When(q => q.Offset is not null);
        RuleFor(q => q.SortBy).Must(s => s is null or "createdAt" or "role" or "userId" or "id").WithMessage("sortBy is one of createdAt, role, userId, id.");
        RuleFor(q => q.SortDirection).Must(s => s is null or "asc" or "desc").WithMessage("sortDirection is asc or desc.");
    }
}
