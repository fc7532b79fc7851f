using FluentValidation;

namespace AuthPlatform.Application.ImportBetterAuth;

/// <summary>Checks the batch only; unusable rows are skipped and counted by the handler.</summary>
internal sealed class ImportBetterAuthSessionsCommandValidator : AbstractValidator<ImportBetterAuthSessionsCommand>
{
    public ImportBetterAuthSessionsCommandValidator()
    {
        RuleFor(c => c.Sessions)
            .NotNull().WithMessage("A batch of sessions is required.")
            .Must(sessions => sessions.Count <= ImportBetterAuthSessionsCommand.MaxBatchSize)
                .WithMessage($"A batch holds at most {ImportBetterAuthSessionsCommand.MaxBatchSize} sessions.")
            .Must(sessions => sessions.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() == sessions.Count)
                .WithMessage("A batch must not hold the same session twice.");
        RuleFor(c => c.PendingUserIds).NotNull();
    }
}
