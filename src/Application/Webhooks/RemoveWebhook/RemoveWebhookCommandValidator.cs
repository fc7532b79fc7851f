using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.RemoveWebhook;

internal sealed class RemoveWebhookCommandValidator : AbstractValidator<RemoveWebhookCommand>
{
    public RemoveWebhookCommandValidator() => RuleFor(c => c.Id).NotEmpty().MaximumLength(64);
}
