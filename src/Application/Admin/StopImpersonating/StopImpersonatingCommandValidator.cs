using FluentValidation;

namespace AuthPlatform.Application.Admin.StopImpersonating;

internal sealed class StopImpersonatingCommandValidator : AbstractValidator<StopImpersonatingCommand>
{
    public StopImpersonatingCommandValidator()
    {
        RuleFor(c => c.Current).NotNull();
    }
}
