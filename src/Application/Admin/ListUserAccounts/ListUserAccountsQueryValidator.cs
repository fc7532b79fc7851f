using FluentValidation;

namespace AuthPlatform.Application.Admin.ListUserAccounts;

internal sealed class ListUserAccountsQueryValidator : AbstractValidator<ListUserAccountsQuery>
{
    public ListUserAccountsQueryValidator()
    {
        RuleFor(q => q.UserId).NotEmpty().MaximumLength(64);
    }
}
