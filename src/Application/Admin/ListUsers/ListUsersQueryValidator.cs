using FluentValidation;

namespace AuthPlatform.Application.Admin.ListUsers;

internal sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public static readonly string[] SearchFields = ["email", "name"];
    public static readonly string[] SearchOperators = ["contains", "starts_with", "ends_with"];
    public static readonly string[] SortFields = ["email", "name", "createdAt", "updatedAt", "role"];
    public static readonly string[] FilterFields = ["email", "name", "role", "id", "emailVerified"];
    public static readonly string[] FilterOperators = ["eq", "ne"];

    public ListUsersQueryValidator()
    {
        RuleFor(q => q.SearchField).Must(f => f is null || SearchFields.Contains(f)).WithMessage("searchField must be email or name.");
        RuleFor(q => q.SearchOperator).Must(o => o is null || SearchOperators.Contains(o)).WithMessage("searchOperator must be contains, starts_with or ends_with.");
        RuleFor(q => q.SearchValue).MaximumLength(256);
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.SortBy).Must(f => f is null || SortFields.Contains(f)).WithMessage("sortBy must be one of " + string.Join(", ", SortFields) + ".");
        RuleFor(q => q.SortDirection).Must(d => d is null or "asc" or "desc").WithMessage("sortDirection must be asc or desc.");
        RuleFor(q => q.FilterField).Must(f => f is null || FilterFields.Contains(f)).WithMessage("filterField must be one of " + string.Join(", ", FilterFields) + ".");
        RuleFor(q => q.FilterOperator).Must(o => o is null || FilterOperators.Contains(o)).WithMessage("filterOperator must be eq or ne.");
        RuleFor(q => q.FilterValue).MaximumLength(256);
    }
}
