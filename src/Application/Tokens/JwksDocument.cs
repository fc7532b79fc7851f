namespace AuthPlatform.Application.Tokens;

/// <summary>
/// The JWKS as served: UTF-8 JSON computed once per change of the published keys, with its strong
/// ETag, and the algorithms of the published keys (for the discovery document).
/// </summary>
public sealed record JwksDocument(ReadOnlyMemory<byte> Json, string ETag, IReadOnlyList<string> Algorithms);
