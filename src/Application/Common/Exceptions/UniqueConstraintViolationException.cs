namespace AuthPlatform.Application.Common.Exceptions;

/// <summary>A write broke a unique index (e.g. two sign-ups racing for one email).</summary>
public sealed class UniqueConstraintViolationException(string? constraintName, Exception innerException)
    : Exception($"A unique constraint was violated: {constraintName ?? "unknown"}.", innerException)
{
    public string? ConstraintName { get; } = constraintName;
}
