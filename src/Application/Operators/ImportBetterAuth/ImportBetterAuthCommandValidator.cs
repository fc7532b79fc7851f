using FluentValidation;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

internal sealed class ImportBetterAuthCommandValidator : AbstractValidator<ImportBetterAuthCommand>
{
    public ImportBetterAuthCommandValidator()
    {
        RuleFor(c => c.Location).NotEmpty();
        RuleFor(c => c.BatchSize).InclusiveBetween(1, ImportBetterAuthCommand.MaxBatchSize);
    }
}
