using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace AuthPlatform.Testing.Faults;

/// <summary>
/// PgBouncer (the Debian package; build/test.d/pgbouncer.sh installs it) in transaction mode in front of
/// a cluster: each transaction gets whichever server connection is free, so nothing that lives on a
/// server session (prepared statements, SET, advisory locks) survives between transactions.
/// Runs in the foreground as a child process on a free loopback port; disposing stops it.
/// </summary>
public sealed class PgBouncer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/pgbouncer";

    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private PgBouncer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static bool IsInstalled => File.Exists(Binary);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <param name="serverPort">The PostgreSQL port behind the pooler.</param>
    /// <param name="serverConnections">Server connections per database: small, so transactions of many clients share them.</param>
    public static async Task<PgBouncer> StartAsync(int serverPort, int serverConnections)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"{Binary} is missing: run build/test.sh, which installs the pgbouncer package.");
        }

        var directory = Directory.CreateTempSubdirectory("authplatform-pgbouncer-").FullName;
        var port = PostgresCluster.FreePort();
        await File.WriteAllTextAsync(Path.Combine(directory, "userlist.txt"), "\"postgres\" \"\"\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "pgbouncer.ini"), string.Create(CultureInfo.InvariantCulture, $"""
            [databases]
            * = host=127.0.0.1 port={serverPort}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = trust
            auth_file = {directory}/userlist.txt
            admin_users = postgres
            pool_mode = transaction
            default_pool_size = {serverConnections}
            max_client_conn = 500
            server_lifetime = 3600
            ignore_startup_parameters = extra_float_digits,options

            """));
        var start = new ProcessStartInfo(Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root" && OperatingSystem.IsLinux())
        {
            // PgBouncer refuses to run as root; it switches to the postgres user itself.
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        start.ArgumentList.Add(Path.Combine(directory, "pgbouncer.ini"));
        var bouncer = new PgBouncer(Process.Start(start)!, directory, port);
        await bouncer.WaitUntilAcceptingAsync();
        return bouncer;
    }

    /// <summary>Runs an admin console command (SHOW STATS, SHOW POOLS, ...) through psql; returns its rows.</summary>
    public async Task<string> AdminAsync(string command)
    {
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "pgbouncer", "-AtX", "-F", "|", "-c", command })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"psql {command} failed: {errors}");
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pgbouncer exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
