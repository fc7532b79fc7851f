using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
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
            await services.GetRequiredService<AuditTrail>().RecordFailureAsync(AuditEventTypes.SignInFailed, error.Code, subjectUserId: null, cancellationToken);
        }

        return response;
    }
}
