using AuthPlatform.Domain.Audit;
using FluentValidation;

namespace AuthPlatform.Application.Audit.ListAuditEvents;

internal sealed class ListAuditEventsQueryValidator : AbstractValidator<ListAuditEventsQuery>
{
    public ListAuditEventsQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, ListAuditEventsQuery.MaxLimit);
        RuleFor(q => q.Offset).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Type).MaximumLength(AuditEvent.MaxTypeLength);
        RuleFor(q => q.SubjectUserId).MaximumLength(64);
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("to must be after from.");
    }
}
