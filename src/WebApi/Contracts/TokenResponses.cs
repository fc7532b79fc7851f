namespace AuthPlatform.WebApi.Contracts;

/// <summary>GET /token (BetterAuth's jwt plugin shape).</summary>
public sealed record TokenResponse(string Token);
