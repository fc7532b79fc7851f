using Mediator;
using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.Operators.ResetTwoFactor;

/// <summary>
/// Operator action: remove a user's second factor (lost phone and codes), so the next sign-in needs the
/// password alone. <see cref="Operator"/> names who asked, for the log line. Passkeys are kept.
/// </summary>
public sealed record ResetTwoFactorCommand(string? Email, string Operator) : ICommand<Result<TwoFactorReset>>;

public sealed record TwoFactorReset(string UserId, bool HadSecondFactor, DateTimeOffset At);
