namespace AuthPlatform.Domain.Common;

/// <summary>
/// Thrown when code tries to break an invariant of the domain. Input is validated before it reaches
/// the domain, so this signals a programming error, never an expected outcome.
/// </summary>
public sealed class DomainRuleException(string message) : InvalidOperationException(message);
