using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuthPlatform.Infrastructure.Persistence.Resilience;

/// <summary>
/// Sees every failed open and every failed command: marks what the retry policy needs to know
/// (<see cref="FailureMarks"/>) and, on a connection failure, clears the pool so no request after
/// this one is handed another dead connection.
/// </summary>
internal sealed class FailureMarkingInterceptor(ConnectionPoolRecovery recovery) : IDbConnectionInterceptor, IDbCommandInterceptor
{
    public void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => OnOpenFailed(eventData.Exception);

    public Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnOpenFailed(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => OnCommandFailed(eventData);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        OnCommandFailed(eventData);
        return Task.CompletedTask;
    }

    private void OnOpenFailed(Exception exception)
    {
        // No connection means no command reached the server: any operation may be tried again.
        FailureMarks.MarkNotSent(exception);
        recovery.OnFailure(exception);
    }

    private void OnCommandFailed(CommandErrorEventData eventData)
    {
        if (eventData.CommandSource == CommandSource.LinqQuery)
        {
            FailureMarks.MarkRead(eventData.Exception);
        }

        recovery.OnFailure(eventData.Exception);
    }
}
