using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.RotateSigningKeys;

/// <summary>
/// One rotation run, safe to run from every instance at once (start-up, the schedule, the rotate-keys
/// command): creates the first key or the active key's successor when one is due, re-encrypts keys
/// that are still under a previous secret, and deletes keys past their removal time.
/// </summary>
/// <param name="Trigger">Who asked ("startup", "schedule", "operator"), for the log.</param>
/// <param name="Force">Create the successor now even if the schedule does not call for it yet.</param>
/// <param name="ActivateImmediately">
/// Emergency: the new key signs at once and every other key is retired now, still published only until
/// the tokens it signed have expired (JWT lifetime plus clock skew). Verifiers that have not refetched
/// the JWKS reject new tokens until they do.
/// </param>
/// <param name="RevokeKeyId">
/// A compromised key: out of the JWKS at once, so tokens it signed stop verifying. When it signs now or
/// would sign later, the run is also an emergency rotation (<paramref name="ActivateImmediately"/>).
/// </param>
public sealed record RotateSigningKeysCommand(string Trigger, bool Force = false, bool ActivateImmediately = false, string? RevokeKeyId = null)
    : ICommand<Result<SigningKeyRotationOutcome>>;

/// <summary>What a rotation run did. Carries key ids only, never key material.</summary>
public sealed record SigningKeyRotationOutcome(
    string Action,
    string? CreatedKeyId,
    DateTimeOffset? CreatedKeyActivatesAt,
    string? ActiveKeyId,
    int Reencrypted,
    int Unreadable,
    int Deleted,
    string? RevokedKeyId = null);
