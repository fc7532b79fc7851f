using System.Diagnostics;

namespace AuthPlatform.Application.Common.Telemetry;

/// <summary>The activity source of the Mediator pipeline: one span per handled message (<see cref="TracingBehaviour{TMessage, TResponse}"/>).</summary>
public static class HandlerTracing
{
    public const string SourceName = "AuthPlatform.Application";

    public static readonly ActivitySource Source = new(SourceName);
}
