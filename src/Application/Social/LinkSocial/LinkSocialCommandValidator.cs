using FluentValidation;

namespace AuthPlatform.Application.Social.LinkSocial;

internal sealed class LinkSocialCommandValidator : AbstractValidator<LinkSocialCommand>
{
    public LinkSocialCommandValidator()
    {
        RuleFor(c => c.Provider).NotEmpty().WithMessage("provider is required.").MaximumLength(64);
        RuleFor(c => c.Scopes).Must(s => s is null || (s.Count <= 20 && s.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 200 && !x.Any(char.IsWhiteSpace))))
            .WithMessage("scopes must be at most 20 scope names without spaces.");
        RuleFor(c => c.LoginHint).MaximumLength(256);
    }
}
