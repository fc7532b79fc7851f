using FluentValidation;

namespace AuthPlatform.Application.ListSessions;

internal sealed class ListSessionsQueryValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsQueryValidator()
    {
        RuleFor(q => q.UserId).NotEmpty();
    }
}
