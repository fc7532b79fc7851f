using FluentValidation;

namespace AuthPlatform.Application.Admin.GetUser;

internal sealed class GetUserQueryValidator : AbstractValidator<GetUserQuery>
{
    public GetUserQueryValidator()
    {
        RuleFor(q => q.Id).NotEmpty().MaximumLength(64);
    }
}
