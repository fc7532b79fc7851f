using FluentValidation;

namespace AuthPlatform.Application.Sessions.GetSession;

internal sealed class GetSessionQueryValidator : AbstractValidator<GetSessionQuery>
{
    public GetSessionQueryValidator()
    {
        RuleFor(q => q.Token.Value).NotEmpty().WithMessage("A session token is required.");
        RuleFor(q => q.CredentialSource).NotEmpty();
    }
}
