using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.Common.Behaviours;

/// <summary>
/// Writes a refused sign-in (any <see cref="IAuditedSignIn"/> command whose result is an error) to the audit trail,
/// with the error's code as the reason. Every other message passes straight through; the trail is resolved only
/// when there is something to write, so the hot paths never lease a database context for it.
/// </summary>
public sealed class SignInFailureAuditBehaviour<TMessage, TResponse>(IServiceProvider services)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool Audited = typeof(IAuditedSignIn).IsAssignableFrom(typeof(TMessage));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (Audited && response is IOperationResult { IsSuccess: false, Error: { } error })
        {
            var subject = await ClaimedUserAsync((IAuditedSignIn)message, cancellationToken);
            await services.GetRequiredService<AuditTrail>().RecordFailureAsync(AuditEventTypes.SignInFailed, error.Code, subject, cancellationToken);
        }

        return response;
    }

    /// <summary>The id of the account the attempt named, if it exists (never said to the caller: only the trail knows).</summary>
    private async Task<string?> ClaimedUserAsync(IAuditedSignIn attempt, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryCreate(attempt.ClaimedEmail, out var email))
        {
            return null;
        }

        var db = services.GetRequiredService<IAuthDbContext>();
        return await db.Users.AsNoTracking().Where(u => u.Email == email.Value).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
