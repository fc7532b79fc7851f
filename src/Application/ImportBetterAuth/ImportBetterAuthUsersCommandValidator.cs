using FluentValidation;

namespace AuthPlatform.Application.ImportBetterAuth;

/// <summary>
/// Only the batch itself is checked here: one unusable row must not fail its whole batch, so rows that
/// do not fit this service's rules are skipped (and counted) by the handler instead.
/// </summary>
internal sealed class ImportBetterAuthUsersCommandValidator : AbstractValidator<ImportBetterAuthUsersCommand>
{
    public ImportBetterAuthUsersCommandValidator()
    {
        RuleFor(c => c.Users)
            .NotNull().WithMessage("A batch of users is required.")
            .Must(users => users.Count <= ImportBetterAuthUsersCommand.MaxBatchSize)
                .WithMessage($"A batch holds at most {ImportBetterAuthUsersCommand.MaxBatchSize} users.")
            .Must(users => users.Select(u => u.Id).Distinct(StringComparer.Ordinal).Count() == users.Count)
                .WithMessage("A batch must not hold the same user twice.");
    }
}
