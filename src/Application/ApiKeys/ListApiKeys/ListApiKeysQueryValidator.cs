using FluentValidation;

namespace AuthPlatform.Application.ApiKeys.ListApiKeys;

internal sealed class ListApiKeysQueryValidator : AbstractValidator<ListApiKeysQuery>
{
    public const int MaxLimit = 100;
    private static readonly string[] SortFields = ["createdAt", "name", "expiresAt", "lastRequest"];

    public ListApiKeysQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(0, MaxLimit).WithMessage($"limit must be between 0 and {MaxLimit}.");
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0).WithMessage("offset must not be negative.");
        RuleFor(q => q.SortBy).Must(s => s is null || SortFields.Contains(s)).WithMessage($"sortBy must be one of {string.Join(", ", SortFields)}.");
        RuleFor(q => q.SortDirection).Must(d => d is null or "asc" or "desc").WithMessage("sortDirection must be asc or desc.");
    }
}
