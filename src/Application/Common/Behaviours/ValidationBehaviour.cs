using AuthPlatform.Application.Common.Results;
using FluentValidation;
using FluentValidation.Results;
using Mediator;

namespace AuthPlatform.Application.Common.Behaviours;

/// <summary>
/// Runs the message's FluentValidation validators before its handler. Failures become a VALIDATION_ERROR
/// result (400 with field errors), or the catalogue entry whose code a rule declares (e.g. PASSWORD_TOO_SHORT).
/// The handler never sees invalid input.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators as IValidator<TMessage>[] ?? validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length == 0)
        {
            return await next(message, cancellationToken);
        }

        var context = new ValidationContext<TMessage>(message);
        List<ValidationFailure>? failures = null;
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(context, cancellationToken);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is null)
        {
            return await next(message, cancellationToken);
        }

        var error = ToError(failures);
        return ResultFactory<TResponse>.Failure is { } failure
            ? failure(error)
            : throw new InvalidOperationException($"{typeof(TMessage).Name} has validators but its response type is not a Result<T>.");
    }

    public static Error ToError(IReadOnlyList<ValidationFailure> failures)
    {
        var fields = failures
            .GroupBy(f => CamelCase(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        var first = failures[0];
        // FluentValidation's own codes ("NotEmptyValidator") are not in the catalogue: the first rule that
        // declares a catalogue code decides the code and, through its entry, the status.
        var entry = failures.Select(f => f.ErrorCode is { } code ? Errors.Find(code) : null).FirstOrDefault(e => e is not null) ?? Errors.ValidationError;
        return entry.WithFields(fields, first.ErrorMessage);
    }

    private static string CamelCase(string name) =>
        string.IsNullOrEmpty(name) ? "body" : char.ToLowerInvariant(name[0]) + name[1..];
}
