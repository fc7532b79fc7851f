using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Admin.BanUser;

internal sealed class BanUserCommandValidator : AbstractValidator<BanUserCommand>
{
    public BanUserCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.BanReason).MaximumLength(User.MaxBanReasonLength);
        // Up to about 100 years: beyond that the end is no end.
        RuleFor(c => c.BanExpiresIn).InclusiveBetween(1, 100L * 365 * 24 * 3600);
    }
}
