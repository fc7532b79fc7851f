using System.Diagnostics;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Common.Telemetry;

/// <summary>
/// One span per message, named after its type ("SignInCommand"), with its outcome: "success" or the
/// error code of a failed Result. Nothing of the message itself goes into the span (it may carry a
/// password or a token). When nobody listens, StartActivity returns null and this costs a branch.
/// </summary>
public sealed class TracingBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string MessageName = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = HandlerTracing.Source.StartActivity(MessageName, ActivityKind.Internal);
        if (activity is null)
        {
            return await next(message, cancellationToken);
        }

        try
        {
            var response = await next(message, cancellationToken);
            if (response is IOperationResult { IsSuccess: false, Error: { } error })
            {
                activity.SetTag("authplatform.outcome", error.Code);
            }
            else
            {
                activity.SetTag("authplatform.outcome", "success");
            }

            return response;
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }
}
