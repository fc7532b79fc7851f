using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Tokens;
using Mediator;

namespace AuthPlatform.Application.Tokens.GetJwks;

/// <summary>Answers from the in-memory ring; only an instance that never reached its database loads here.</summary>
internal sealed class GetJwksQueryHandler(ISigningKeyRing ring) : IQueryHandler<GetJwksQuery, Result<JwksDocument>>
{
    public async ValueTask<Result<JwksDocument>> Handle(GetJwksQuery query, CancellationToken cancellationToken)
    {
        if (ring.Jwks is null)
        {
            await ring.EnsureLoadedAsync(cancellationToken);
        }

        return ring.Jwks is { } jwks ? jwks : SigningKeyErrors.Unavailable;
    }
}
