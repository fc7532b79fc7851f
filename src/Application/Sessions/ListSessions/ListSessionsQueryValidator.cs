using FluentValidation;

namespace AuthPlatform.Application.Sessions.ListSessions;

internal sealed class ListSessionsQueryValidator : AbstractValidator<ListSessionsQuery>
{
    public ListSessionsQueryValidator()
    {
        RuleFor(q => q.UserId).NotEmpty();
    }
}
