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
        var verdict = await verifier.VerifyAsync(command.Key, permissions: null, cancellationToken);
        if (verdict.Refusal is { } refusal)
        {
            return refusal;
        }

        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == verdict.Key!.UserId, cancellationToken);
        return user is null ? Errors.ApiKeys.InvalidApiKey : issuer.AuthenticateApiKey(user, verdict.Key!, command.Client);
    }
}
