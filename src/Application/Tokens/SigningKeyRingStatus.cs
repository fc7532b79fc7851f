namespace AuthPlatform.Application.Tokens;

/// <summary>What readiness reports about the signing keys (never key material).</summary>
public sealed record SigningKeyRingStatus(bool Loaded, string? ActiveKeyId, string? ActiveAlgorithm, int PublishedKeys, string? Problem)
{
    public static SigningKeyRingStatus NotLoaded { get; } = new(false, null, null, 0, "The signing keys have not been loaded yet.");

    public bool HasActiveKey => ActiveKeyId is not null;
}
