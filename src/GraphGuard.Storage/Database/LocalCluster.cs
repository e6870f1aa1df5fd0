namespace GraphGuard.Storage.Database;

/// <summary>
/// The private PostgreSQL 15 cluster GraphGuard runs when no connection string is given: Debian's
/// initdb and pg_ctl under <c>&lt;home&gt;/pg</c>. It listens on a Unix socket inside its own data folder
/// only (no TCP port to collide with, and only its owner or root can connect), with trust auth.
/// </summary>
public sealed class LocalCluster(string root, string binDirectory)
{
    public const string Superuser = "graphguard";
    private const int Port = 5432;

    public static LocalCluster Default() => new(Path.Combine(GraphGuardHome.Resolve(), "pg"), GraphGuardHome.PgBinDirectory());

    public string Root { get; } = Path.GetFullPath(root);
    public string DataDirectory => Path.Combine(Root, "data");
    public string LogFile => Path.Combine(Root, "server.log");

    public string ConnectionString(string database) =>
        $"Host={DataDirectory};Port={Port};Username={Superuser};Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=0;Include Error Detail=true";

    public async Task<ClusterState> StatusAsync(CancellationToken ct = default)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            return ClusterState.NotInitialized;
        }
        var (code, _) = await ExternalCommand.RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "status"], ct).ConfigureAwait(false);
        return code == 0 ? ClusterState.Running : ClusterState.Stopped;
    }

    /// <summary>Creates the cluster if needed and starts it if stopped. Safe to call at any time, from several processes at once.</summary>
    public async Task StartAsync(CancellationToken ct = default)
    {
        if (await StatusAsync(ct).ConfigureAwait(false) == ClusterState.Running)
        {
            return;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Root)!);
        using var exclusive = await LockAsync(ct).ConfigureAwait(false);
        var state = await StatusAsync(ct).ConfigureAwait(false);
        if (state == ClusterState.Running)
        {
            return;
        }
        if (state == ClusterState.NotInitialized)
        {
            await InitAsync(ct).ConfigureAwait(false);
        }
        await ExternalCommand.RunCheckedAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "120", "start"], ct).ConfigureAwait(false);
    }

    /// <summary>A lock file beside the cluster: two processes starting it at once must not both run initdb.</summary>
    private async Task<FileStream> LockAsync(CancellationToken ct)
    {
        var path = Root + ".lock";
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (await StatusAsync(ct).ConfigureAwait(false) == ClusterState.Running)
        {
            await ExternalCommand.RunCheckedAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], ct).ConfigureAwait(false);
        }
    }

    private async Task InitAsync(CancellationToken ct)
    {
        if (!File.Exists(Tool("initdb")))
        {
            throw new DatabaseSetupException(
                $"PostgreSQL 15 is not installed ({Tool("initdb")} is missing): run 'apt-get install -y postgresql-15', " +
                $"set {GraphGuardHome.PgBinVariable} to its bin folder, or set {GraphGuardHome.ConnectionVariable} to a connection string");
        }
        // The socket lives in the data folder; Unix socket paths are limited to 107 bytes.
        if (Path.Combine(DataDirectory, $".s.PGSQL.{Port}").Length > 100)
        {
            throw new DatabaseSetupException($"'{DataDirectory}' is too long a path for a Unix socket: set {GraphGuardHome.HomeVariable} to a shorter folder");
        }
        Directory.CreateDirectory(Root);
        if (ExternalCommand.RunsAsPostgres)
        {
            await ExternalCommand.RunCheckedAsync("/bin/chown", [$"{ExternalCommand.PostgresUser}:", Root], ct, asCaller: true).ConfigureAwait(false);
            var (reachable, _) = await ExternalCommand.RunAsync("/usr/bin/test", ["-w", Root], ct).ConfigureAwait(false);
            if (reachable != 0)
            {
                throw new DatabaseSetupException(
                    $"the '{ExternalCommand.PostgresUser}' OS user cannot write to '{Root}' (a parent folder is not traversable?): " +
                    $"set {GraphGuardHome.HomeVariable} to a folder it can reach");
            }
        }
        await ExternalCommand.RunCheckedAsync(Tool("initdb"),
            ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-instructions"], ct).ConfigureAwait(false);
        var settings = $"""

            # GraphGuard private cluster: socket only, sized for batch ingest and graph snapshots.
            listen_addresses = ''
            unix_socket_directories = '{DataDirectory}'
            port = {Port}
            max_connections = 100
            shared_buffers = {SharedBuffersMegabytes()}MB
            wal_buffers = 64MB
            work_mem = 64MB
            maintenance_work_mem = 1GB
            wal_level = minimal
            max_wal_senders = 0
            max_wal_size = 8GB
            checkpoint_timeout = 30min
            random_page_cost = 1.1
            effective_io_concurrency = 200
            logging_collector = off

            """;
        // Appending keeps the file's owner (postgres) even when we run as root.
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), settings, ct).ConfigureAwait(false);
    }

    // A quarter of memory, at most 4 GiB: a 1M-account world's events and their index (about 3 GiB) then
    // stay in shared buffers during ingest instead of being written out by the backend mid-COPY.
    // PostgreSQL maps the pool lazily, so an idle cluster does not hold that memory.
    private static long SharedBuffersMegabytes() =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4 / (1 << 20), 128, 4096);

    private string Tool(string name) => Path.Combine(binDirectory, name);
}
