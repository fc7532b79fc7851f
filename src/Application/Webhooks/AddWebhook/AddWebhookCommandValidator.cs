using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Webhooks;
using FluentValidation;

namespace AuthPlatform.Application.Webhooks.AddWebhook;

internal sealed class AddWebhookCommandValidator : AbstractValidator<AddWebhookCommand>
{
    /// <summary>Every name an endpoint may subscribe to: the catalogue's event types and "*".</summary>
    public static readonly IReadOnlySet<string> KnownEvents = typeof(AuditEventTypes).GetFields()
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Append(WebhookEndpoint.AllEvents).ToHashSet(StringComparer.Ordinal);

    public AddWebhookCommandValidator()
    {
        RuleFor(c => c.Url).NotEmpty().MaximumLength(WebhookEndpoint.MaxUrlLength)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("url must be an absolute http(s) URL.");
        RuleForEach(c => c.Events).Must(e => e is not null && KnownEvents.Contains(e))
            .WithMessage(e => "events must be among: " + string.Join(", ", KnownEvents.Order(StringComparer.Ordinal)) + ".");
    }
}
