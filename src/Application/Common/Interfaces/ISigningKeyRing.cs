using AuthPlatform.Application.Tokens;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// This instance's view of the signing keys: the published set (as a precomputed JWKS) and the active
/// key. Every instance converges on the database's keys by polling and after its own rotations.
/// </summary>
public interface ISigningKeyRing
{
    /// <summary>The JWKS as it is now; null until the ring has loaded once.</summary>
    JwksDocument? Jwks { get; }

    SigningKeyRingStatus Status { get; }

    /// <summary>Reloads the keys from the database (after a rotation, or when another instance changed them).</summary>
    Task RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Loads the keys if this instance has not yet.</summary>
    Task EnsureLoadedAsync(CancellationToken cancellationToken);
}
