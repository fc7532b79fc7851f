using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Hosting;
using Mediator;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// What every operator command shares: the service's own container (same configuration, same validation),
/// logs on stderr so stdout carries only the command's output, one exit code per kind of outcome.
/// </summary>
public static class OperatorHost
{
    /// <summary>The command ran, but refused or failed (bad input, user not found, a doctor check failed).</summary>
    public const int FailedExitCode = 1;

    public static WebApplication Build() => ServiceHost.Build(["--Logging:Console=stderr", $"--{Audit.HttpAuditOrigin.HostActorKey}=operator"]);

    /// <summary>
    /// Builds the container, validates the configuration (exit 2 with every problem listed), then runs
    /// <paramref name="body"/>. A database that does not answer is exit 3 with a plain sentence, not a stack trace.
    /// </summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        await using var app = Build();
        if (await StartupChecks.ValidateConfigurationAsync(app) is var exit and not 0)
        {
            return exit;
        }

        try
        {
            return await body(app.Services, cancellationToken);
        }
        catch (Exception ex) when (app.Services.GetRequiredService<IStoreFailureClassifier>().IsStoreUnavailable(ex))
        {
            await Console.Error.WriteLineAsync($"The database did not answer ({ex.GetType().Name}: {ex.Message}). Check DATABASE_URL and that PostgreSQL is running.");
            return StartupProblems.DatabaseExitCode;
        }
    }

    /// <summary>Sends one message in a scope of its own (a fresh DbContext), as one HTTP request would.</summary>
    public static async Task<T> SendAsync<T>(IServiceProvider services, ICommand<T> command, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    /// <summary>Asks one query in a scope of its own.</summary>
    public static async Task<T> AskAsync<T>(IServiceProvider services, IQuery<T> query, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    /// <summary>Writes a refused use case to stderr (code, message, field errors) and returns exit code 1.</summary>
    public static async Task<int> FailAsync(Error error)
    {
        await Console.Error.WriteLineAsync($"{error.Code}: {error.Message}");
        foreach (var (field, messages) in error.FieldErrors ?? new Dictionary<string, string[]>())
        {
            foreach (var message in messages)
            {
                await Console.Error.WriteLineAsync($"  {field}: {message}");
            }
        }

        return FailedExitCode;
    }
}
