using FluentValidation;

namespace AuthPlatform.Application.Admin.ListUserSessions;

internal sealed class ListUserSessionsQueryValidator : AbstractValidator<ListUserSessionsQuery>
{
    public ListUserSessionsQueryValidator()
    {
        RuleFor(q => q.UserId).NotEmpty().MaximumLength(64);
    }
}
