using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace AuthPlatform.Testing;

/// <summary>
/// A private PostgreSQL cluster in a temp directory on a free loopback port, run as the postgres user
/// when the tests run as root. Tests that stop and start the database (outages) use one of their own;
/// everything else shares the server build/test.sh starts. Disposing stops it and deletes its files.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    private readonly string _directory;
    private readonly string _dataDirectory;
    private readonly string _binDirectory;

    private PostgresCluster(string directory, string binDirectory, int port)
    {
        _directory = directory;
        _dataDirectory = Path.Combine(directory, "data");
        _binDirectory = binDirectory;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";

    public static async Task<PostgresCluster> StartAsync(string? extraOptions = null)
    {
        var bin = BinDirectory();
        return await StartFromAsync(bin, await TemplateDataDirectoryAsync(bin), extraOptions);
    }

    /// <summary>
    /// A cluster that already holds <see cref="MigratedDatabaseName"/> with every migration applied. The
    /// migrations run once per test process, on a cluster whose data directory is then copied for each caller:
    /// migrating every fault test's cluster cost one to three seconds each.
    /// </summary>
    public static async Task<PostgresCluster> StartMigratedAsync(string? extraOptions = null)
    {
        var bin = BinDirectory();
        return await StartFromAsync(bin, await MigratedDataDirectoryAsync(bin), extraOptions);
    }

    /// <summary>The database <see cref="StartMigratedAsync"/> clusters hold.</summary>
    public const string MigratedDatabaseName = "authplatform";

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static string BinDirectory() =>
        Directory.GetDirectories("/usr/lib/postgresql").OrderDescending()
            .Select(d => Path.Combine(d, "bin"))
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (run build/test.sh, which installs it).");

    private static async Task<PostgresCluster> StartFromAsync(string bin, string templateData, string? extraOptions)
    {
        var directory = Directory.CreateTempSubdirectory("authplatform-pg-").FullName;
        var cluster = new PostgresCluster(directory, bin, FreePort());
        if (RunAsRoot)
        {
            await RunAsync("chown", ["postgres", directory]);
        }

        await RunAsPostgresAsync("cp", ["-a", templateData, cluster._dataDirectory]);
        cluster.ExtraOptions = extraOptions ?? string.Empty;
        await cluster.StartAgainAsync();
        return cluster;
    }

    private static readonly SemaphoreSlim MigratedLock = new(1, 1);
    private static string? _migrated;

    /// <summary>A data directory holding the migrated database, made once per test process (cleanly shut down, so copies are consistent).</summary>
    private static async Task<string> MigratedDataDirectoryAsync(string bin)
    {
        await MigratedLock.WaitAsync();
        try
        {
            if (_migrated is null)
            {
                var seed = await StartFromAsync(bin, await TemplateDataDirectoryAsync(bin), extraOptions: null);
                await TestDatabase.MigrateAsync(await seed.CreateDatabaseAsync(MigratedDatabaseName));
                await seed.StopAsync();
                var keep = Directory.CreateTempSubdirectory("authplatform-pg-migrated-").FullName;
                if (RunAsRoot)
                {
                    await RunAsync("chown", ["postgres", keep]);
                }

                Directory.Move(seed._dataDirectory, Path.Combine(keep, "data"));
                await seed.DisposeAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try
                    {
                        Directory.Delete(keep, recursive: true);
                    }
                    catch (IOException)
                    {
                    }
                };
                _migrated = Path.Combine(keep, "data");
            }

            return _migrated;
        }
        finally
        {
            MigratedLock.Release();
        }
    }

    private string ExtraOptions { get; set; } = string.Empty;

    /// <summary>
    /// A data directory initialised once per test process and copied for each cluster: initdb took 4 to 9 s
    /// on a loaded two-core machine (3.7 s of it without the fsync of every file it writes), a copy 0.4 s.
    /// Deleted when the process exits.
    /// </summary>
    private static async Task<string> TemplateDataDirectoryAsync(string bin)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var directory = Directory.CreateTempSubdirectory("authplatform-pg-template-").FullName;
                if (RunAsRoot)
                {
                    await RunAsync("chown", ["postgres", directory]);
                }

                var data = Path.Combine(directory, "data");
                await RunAsPostgresAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    try
                    {
                        Directory.Delete(directory, recursive: true);
                    }
                    catch (IOException)
                    {
                    }
                };
                _template = data;
            }

            return _template;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public async Task StartAgainAsync() =>
        await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-l", Path.Combine(_directory, "postgres.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_dataDirectory} -c fsync=off -c max_connections=200 {ExtraOptions}", "start"]);

    /// <summary>Fast shutdown: open connections are terminated, as in a real outage.</summary>
    public async Task StopAsync() =>
        await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
            {
                await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
            }
        }
        finally
        {
            // A later cluster may be given this one's port, and with it the same connection strings: Npgsql
            // would then hand out idle pooled connections to this stopped server, whose first command fails
            // ("Exception while reading from stream"). Connections in use are closed when returned instead.
            NpgsqlConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static bool RunAsRoot => Environment.UserName == "root";

    private Task RunPgAsync(string tool, IReadOnlyList<string> arguments) => RunAsPostgresAsync(Path.Combine(_binDirectory, tool), arguments);

    private static Task RunAsPostgresAsync(string path, IReadOnlyList<string> arguments) =>
        RunAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
