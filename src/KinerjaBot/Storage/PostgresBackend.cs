using System.Data;
using Dapper;
using Npgsql;

namespace KinerjaBot.Storage;

/// <summary>
/// PostgreSQL, for a deployment where several bot instances share one database (Storage:Provider = postgres).
/// </summary>
/// <remarks>
/// Write transactions keep SQLite's guarantee that writers take turns: each one first takes a transaction-scoped
/// advisory lock, so across all instances one write transaction runs at a time and each sees the previous one's
/// commit. Everything built on "the second writer sees the first one's result" (version checks, running letter
/// numbers, reminder records) therefore holds unchanged. Reads are REPEATABLE READ, READ ONLY snapshots on pooled
/// connections and never wait for the lock.
/// <para>
/// Round trips are what a transaction costs here (decision 0019): as with SQLite, one long-lived writer connection
/// serves every write transaction in turn, and BEGIN goes out with the lock in one round trip; reader connections
/// are READ ONLY by their session default, so a snapshot needs no statement of its own before its first query;
/// statements used again and again are prepared once per connection (Max Auto Prepare), and a connection handed
/// back to the pool is not reset (nothing in a reader's or the writer's session needs resetting). Every write
/// notifies the instance holding the sender's lease at commit, so replies queued on another instance go out at once.
/// Leases and migrations hold session locks, so their connections keep the pool's reset.
/// </para>
/// </remarks>
internal sealed class PostgresBackend : IStoreBackend
{
    // Arbitrary but fixed: every KinerjaBot instance on this database must use the same keys.
    private const long WriterLockKey = 0x4B_696E_6572_6A61; // "Kinerja"
    private const long MigrationLockKey = WriterLockKey + 1;
    private const long LeaseKeyBase = WriterLockKey + 16;

    // Enough for every statement the bot repeats (about 60 distinct ones); Npgsql prepares one after 5 uses.
    private const int AutoPreparedStatements = 128;

    // Every write transaction notifies it at commit, so the sending instance hears of replies another instance queued.
    private const string WritesChannel = "kinerjabot_writes";

    private static readonly TimeSpan LeaseCheckEvery = TimeSpan.FromSeconds(5);

    // Tells this instance's notifications from the others'.
    private readonly string _instance = Guid.NewGuid().ToString("N");

    // Leases and migrations: session advisory locks, so a connection returned to the pool must be reset (DISCARD ALL).
    private readonly NpgsqlDataSource _dataSource;

    // Snapshots: every transaction on these connections is READ ONLY by the session's default.
    private readonly NpgsqlDataSource _readers;

    // The one writer connection of this instance comes from here.
    private readonly NpgsqlDataSource _writers;

    // Inside one process writers queue here rather than each holding a connection while waiting for the lock.
    private readonly SemaphoreSlim _writer = new(1, 1);

    // Guarded by _writer. Kept open between transactions (it holds no lock between them: the lock is the transaction's).
    private NpgsqlConnection? _writerConnection;
    private bool _disposed;

    private PostgresBackend(NpgsqlDataSource dataSource, NpgsqlDataSource readers, NpgsqlDataSource writers, string description)
    {
        _dataSource = dataSource;
        _readers = readers;
        _writers = writers;
        Description = description;
    }

    public string Description { get; }

    /// <summary>Connects, and applies pending migrations (one instance at a time, under a session advisory lock).</summary>
    public static PostgresBackend Open(string connectionString, TimeProvider timeProvider)
    {
        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new DataStoreException(
                $"Storage:ConnectionString cannot be read ({e.Message}). Write it as Host=db.example;Port=5432;Database=kinerjabot;Username=kinerjabot;Password=…", e);
        }

        // Never the password: this text goes to logs and error messages.
        var description = $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database} (user {settings.Username})";
        var backend = new PostgresBackend(
            NpgsqlDataSource.Create(settings),
            NpgsqlDataSource.Create(Tuned(settings, "-c default_transaction_read_only=on")),
            NpgsqlDataSource.Create(Tuned(settings, sessionOptions: null)),
            description);
        try
        {
            backend.Migrate(timeProvider);
            return backend;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            backend.Dispose();
            throw new DataStoreException(
                $"The database {description} cannot be used ({e.Message}). Check Storage:ConnectionString (Host, Port, Database, Username, Password), that the server runs, and that the user may connect and create tables.",
                e);
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    /// <summary>PostgreSQL's answers that mean "try again": a connection lost, a deadlock, a serialization failure.</summary>
    public static bool IsTemporary(Exception error) => error is NpgsqlException { IsTransient: true };

    public async Task<StoreTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var reused = _writerConnection is { State: ConnectionState.Open };
            try
            {
                return await BeginOnWriterAsync(cancellationToken);
            }
            catch (NpgsqlException) when (reused && !cancellationToken.IsCancellationRequested)
            {
                // The kept connection died while idle (server restart, proxy timeout). Nothing was done on it yet,
                // so one more try on a new connection is safe, and the caller does not see a failure it cannot help.
                await DropWriterConnectionAsync();
                return await BeginOnWriterAsync(cancellationToken);
            }
        }
        catch
        {
            await DropWriterConnectionAsync();
            _writer.Release();
            throw;
        }
    }

    public async Task<StoreTransaction> ReadAsync(CancellationToken cancellationToken)
    {
        var connection = await _readers.OpenConnectionAsync(cancellationToken);
        try
        {
            // The BEGIN goes out with the first query; the session's default makes it READ ONLY.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            return new StoreTransaction(connection, transaction, static _ => { }, ownsConnection: true);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A session advisory lock on a connection of its own, held as long as the lease: if the instance dies, its
    /// connection closes and PostgreSQL frees the lock for the next instance at once. A check every few seconds
    /// notices a broken connection and reports the lease lost.
    /// </summary>
    public async Task<StoreLease?> TryLeadAsync(LeaseRole role, CancellationToken cancellationToken)
    {
        var key = LeaseKeyBase + (long)role;
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!await connection.ExecuteScalarAsync<bool>("SELECT pg_try_advisory_lock(@key)", new { key, cancellationToken }))
            {
                await connection.DisposeAsync();
                return null;
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        var lost = new CancellationTokenSource();
        StoreLease? lease = null;
        NotificationEventHandler onWrite = (_, e) =>
        {
            // Its own writes wake the sender already; another instance's replies would wait for the next poll.
            if (e.Payload != _instance)
            {
                lease?.RaiseWrittenElsewhere();
            }
        };
        if (role == LeaseRole.Sender)
        {
            connection.Notification += onWrite;
            try
            {
                await connection.ExecuteAsync($"LISTEN {WritesChannel}", cancellationToken);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        var watch = WatchAsync(connection, lost);
        lease = new StoreLease(lost, async () =>
        {
            await lost.CancelAsync();
            await watch;
            connection.Notification -= onWrite;
            try
            {
                // The pool's reset (DISCARD ALL) ends the LISTEN when the connection goes back.
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone already (or broken by the watch's cancelled wait), and with it the lock.
            }

            await connection.DisposeAsync();
        });
        return lease;
    }

    public int SchemaVersion()
    {
        using var connection = _dataSource.OpenConnection();
        return connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    }

    public void Dispose()
    {
        _writer.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writerConnection?.Dispose();
            _writerConnection = null;
            _readers.Dispose();
            _writers.Dispose();
            _dataSource.Dispose();
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The session settings every reader and the writer share: prepared statements, no reset on return.</summary>
    private static NpgsqlConnectionStringBuilder Tuned(NpgsqlConnectionStringBuilder settings, string? sessionOptions)
    {
        var tuned = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { NoResetOnClose = true };

        // An operator's own choice in the connection string wins.
        if (tuned.MaxAutoPrepare == 0)
        {
            tuned.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (sessionOptions is not null)
        {
            tuned.Options = string.IsNullOrWhiteSpace(tuned.Options) ? sessionOptions : $"{tuned.Options} {sessionOptions}";
        }

        return tuned;
    }

    // Under _writer: on the kept connection (opened if there is none), BEGIN and the writers' lock in one round trip.
    private async Task<StoreTransaction> BeginOnWriterAsync(CancellationToken cancellationToken)
    {
        if (_writerConnection is not { State: ConnectionState.Open })
        {
            await DropWriterConnectionAsync();
            _writerConnection = await _writers.OpenConnectionAsync(cancellationToken);
        }

        // Npgsql sends the BEGIN together with the first command, so this is one round trip.
        var transaction = await _writerConnection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        // The notification goes out at commit (not at all on rollback), to the instance holding the sender's lease.
        await _writerConnection.ExecuteAsync(
            "SELECT pg_advisory_xact_lock(@WriterLockKey), pg_notify(@WritesChannel, @Instance)",
            new { WriterLockKey, WritesChannel, Instance = _instance, cancellationToken },
            transaction);
        return new StoreTransaction(_writerConnection, transaction, ReleaseWriter, ownsConnection: false);
    }

    private void ReleaseWriter(bool broken)
    {
        if (broken)
        {
            // After a failed rollback the connection may be mid-transaction or gone: the next writer starts afresh.
            _writerConnection?.Dispose();
            _writerConnection = null;
        }

        _writer.Release();
    }

    private async Task DropWriterConnectionAsync()
    {
        if (_writerConnection is { } connection)
        {
            _writerConnection = null;
            await connection.DisposeAsync();
        }
    }

    // Ends when the lease is given back (lost cancelled by the release) or the connection fails (then it cancels lost).
    private static async Task WatchAsync(NpgsqlConnection connection, CancellationTokenSource lost)
    {
        var stop = lost.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                // Reads the sender's notifications as they come; a quiet connection is checked with a query.
                if (!await connection.WaitAsync(LeaseCheckEvery, stop))
                {
                    await connection.ExecuteAsync("SELECT 1", stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                await lost.CancelAsync();
                return;
            }
        }
    }

    private void Migrate(TimeProvider timeProvider)
    {
        using var connection = _dataSource.OpenConnection();
        connection.Execute("SELECT pg_advisory_lock(@MigrationLockKey)", new { MigrationLockKey });
        try
        {
            using var transaction = connection.BeginTransaction();
            SchemaMigrator.Apply(connection, transaction, PostgresDialect.Translate, Description, timeProvider);
            transaction.Commit();
        }
        finally
        {
            connection.Execute("SELECT pg_advisory_unlock(@MigrationLockKey)", new { MigrationLockKey });
        }
    }
}
