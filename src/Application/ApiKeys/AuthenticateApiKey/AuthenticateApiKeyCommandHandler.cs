using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.SignInPipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyCommandHandler(IAuthDbContext db, ApiKeyVerifier verifier, SessionIssuer issuer)
    : ICommandHandler<AuthenticateApiKeyCommand, Result<CurrentSession>>
{
    public async ValueTask<Result<CurrentSession>> Handle(AuthenticateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var use = await verifier.VerifyAsync(command.Key, permissions: null, cancellationToken);
        if (use.Verification.Refusal is { } refusal)
        {
            return refusal;
        }

        var key = use.Verification.Key!;
        var user = use.Owner ?? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == key.UserId, cancellationToken);
        return user is null ? Errors.ApiKeys.InvalidApiKey : issuer.AuthenticateApiKey(user, key, command.Client);
    }
}
