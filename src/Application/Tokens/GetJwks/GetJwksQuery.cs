using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Tokens;
using Mediator;

namespace AuthPlatform.Application.Tokens.GetJwks;

/// <summary>GET /jwks and /.well-known/jwks.json: the published public keys, precomputed per change of the key set.</summary>
public sealed record GetJwksQuery : IQuery<Result<JwksDocument>>;
