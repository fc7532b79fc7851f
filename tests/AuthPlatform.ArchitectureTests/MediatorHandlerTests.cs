using ArchUnitNET.xUnitV3;
using Mediator;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace AuthPlatform.ArchitectureTests;

/// <summary>
/// A handler is one use case: it never sends, publishes or mediates another message. A use case that needs
/// another's logic shares it as a service both handlers call, so the pipeline (validation, logging) runs
/// once per request and a request's path is readable from its controller action and one handler.
/// </summary>
public sealed class MediatorHandlerTests
{
    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IRequestHandler<,>), typeof(ICommandHandler<,>), typeof(IQueryHandler<,>),
        typeof(IRequestHandler<>), typeof(ICommandHandler<>), typeof(INotificationHandler<>),
        typeof(IStreamRequestHandler<,>), typeof(IStreamCommandHandler<,>), typeof(IStreamQueryHandler<,>),
    ];

    /// <summary>Every handler of ours in the production assemblies (the generated mediator itself excluded).</summary>
    public static IReadOnlyList<Type> Handlers { get; } =
        new[] { Layers.Domain, Layers.Application, Layers.Infrastructure, Layers.WebApi }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false } && type.Namespace?.StartsWith("AuthPlatform.", StringComparison.Ordinal) == true)
            .Where(type => type.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .ToList();

    [Fact]
    public void The_handlers_are_found() =>
        // Guards the rule below against passing vacuously when handler discovery breaks.
        Assert.Contains(Handlers, type => type.Name == "SignInCommandHandler");

    [Fact]
    public void Handlers_do_not_send_messages() =>
        Classes().That().Are(Handlers)
            .Should().NotDependOnAny(Types(true).That()
                .HaveFullName(typeof(ISender).FullName!)
                .Or().HaveFullName(typeof(IPublisher).FullName!)
                .Or().HaveFullName(typeof(IMediator).FullName!)
                .Or().HaveFullName("Mediator.Mediator")) // the generated implementation of all three
            .Because("a handler is one use case; shared logic is a service both handlers call")
            .Check(Layers.Architecture);
}
