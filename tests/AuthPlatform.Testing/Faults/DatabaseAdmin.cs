using Npgsql;

namespace AuthPlatform.Testing.Faults;

/// <summary>Superuser actions a fault test takes against the database under the service.</summary>
public static class DatabaseAdmin
{
    /// <summary>pg_terminate_backend for every connection the service holds to <paramref name="database"/>; returns how many.</summary>
    public static async Task<int> TerminateServiceBackendsAsync(string adminConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and application_name = 'authplatform' and pid <> pg_backend_pid()) t",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Holds an ACCESS EXCLUSIVE lock on <paramref name="table"/> until disposed: every query on it waits,
    /// which makes the database "slow" for the service in a controlled way.
    /// </summary>
    public static async Task<IAsyncDisposable> LockTableAsync(string connectionString, string table)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"lock table {table} in access exclusive mode", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new TableLock(connection, transaction);
    }

    private sealed class TableLock(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
