using FluentValidation;

namespace AuthPlatform.Application.Admin.DeleteOAuthClient;

internal sealed class DeleteOAuthClientCommandValidator : AbstractValidator<DeleteOAuthClientCommand>
{
    public DeleteOAuthClientCommandValidator() => RuleFor(c => c.ClientId).NotEmpty().WithMessage("client_id is required.").MaximumLength(100);
}
