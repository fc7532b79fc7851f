namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// An expected failure of a use case: a stable UPPER_SNAKE <see cref="Code"/> (BetterAuth's codes where
/// one exists) and a human <see cref="Message"/>. Never carries a secret.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    /// <summary>Field name to messages, for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }

    /// <summary>Seconds the client should wait before retrying (429 and 503).</summary>
    public int? RetryAfterSeconds { get; init; }
}
