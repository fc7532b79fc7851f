using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Testing;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The Application and Infrastructure layers wired exactly as the service wires them (AddApplication,
/// AddInfrastructure), without HTTP: messages go through the real Mediator pipeline to a real database.
/// </summary>
public sealed class ApplicationHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ApplicationHost(string connectionString, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.For(connectionString)).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs));
        services.AddApplication();
        services.AddInfrastructure();
        services.AddSingleton<IServiceUrls, TestServiceUrls>(); // the web layer builds them from its routes
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    public ListLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _services;

    public async Task<T> SendAsync<T>(ICommand<T> command)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    public async Task<T> QueryAsync<T>(IQuery<T> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Keeps formatted log messages with their structured values.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue((category, logLevel, formatter(state, exception), values));
        }
    }
}
