namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// An expected failure of a use case: a stable <see cref="Code"/> (BetterAuth's codes where one exists) and
/// a human <see cref="Message"/>. Never carries a secret. Every error comes from the catalogue,
/// <see cref="Errors"/>, which fixes each code's <see cref="Kind"/> (so its HTTP status) once: a call site
/// may word the message or add field errors and a retry delay, but can change neither the code nor the kind.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>The class of failure, hence the HTTP status: the catalogue's, read-only so no call site overrides it.</summary>
    public ErrorKind Kind { get; } = Kind;

    /// <summary>The code the client reads: the catalogue's, read-only.</summary>
    public string Code { get; } = Code;

    /// <summary>Field name to messages, for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }

    /// <summary>Seconds the client should wait before retrying (429 and 503).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>
    /// True when this error is the catalogue entry <paramref name="entry"/> (or a variant of it: same code).
    /// Code tests go through here, never through a string literal.
    /// </summary>
    public bool Is(Error entry) => string.Equals(Code, entry.Code, StringComparison.Ordinal);

    /// <summary>The same error with a message that says more than the catalogue's default.</summary>
    public Error WithMessage(string message) => this with { Message = message };

    /// <summary>The same error with a Retry-After, rounded up to whole seconds and at least one.</summary>
    public Error WithRetryAfter(TimeSpan retryAfter) =>
        this with { RetryAfterSeconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)) };

    /// <summary>The same error with field errors; <paramref name="message"/> (the first field's, usually) replaces the default.</summary>
    public Error WithFields(IReadOnlyDictionary<string, string[]> fieldErrors, string? message = null) =>
        this with { FieldErrors = fieldErrors, Message = message ?? Message };
}
