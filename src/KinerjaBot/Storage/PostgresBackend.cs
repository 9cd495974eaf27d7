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
/// </remarks>
internal sealed class PostgresBackend : IStoreBackend
{
    // Arbitrary but fixed: every KinerjaBot instance on this database must use the same keys.
    private const long WriterLockKey = 0x4B_696E_6572_6A61; // "Kinerja"
    private const long MigrationLockKey = WriterLockKey + 1;
    private const long LeaseKeyBase = WriterLockKey + 16;

    private static readonly TimeSpan LeaseCheckEvery = TimeSpan.FromSeconds(5);

    private readonly NpgsqlDataSource _dataSource;

    // Inside one process writers queue here rather than each holding a pooled connection while waiting for the lock.
    private readonly SemaphoreSlim _writer = new(1, 1);

    private PostgresBackend(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
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
        var dataSource = NpgsqlDataSource.Create(settings);
        var backend = new PostgresBackend(dataSource, description);
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
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(@WriterLockKey)", new { WriterLockKey }, transaction, cancellationToken: cancellationToken));
            return new StoreTransaction(connection, transaction, _ => _writer.Release(), ownsConnection: true);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writer.Release();
            throw;
        }
    }

    public async Task<StoreTransaction> ReadAsync(CancellationToken cancellationToken)
    {
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("SET TRANSACTION READ ONLY", transaction: transaction, cancellationToken: cancellationToken));
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
            if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT pg_try_advisory_lock(@key)", new { key }, cancellationToken: cancellationToken)))
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
        var watch = WatchAsync(connection, lost);
        return new StoreLease(lost, async () =>
        {
            await lost.CancelAsync();
            await watch;
            try
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
            }
            catch (NpgsqlException)
            {
                // The connection is gone already, and with it the lock.
            }

            await connection.DisposeAsync();
        });
    }

    public int SchemaVersion()
    {
        using var connection = _dataSource.OpenConnection();
        return connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _writer.Dispose();
    }

    // Ends when the lease is given back (lost cancelled by the release) or the connection fails (then it cancels lost).
    private static async Task WatchAsync(NpgsqlConnection connection, CancellationTokenSource lost)
    {
        var stop = lost.Token;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(LeaseCheckEvery, stop);
                await connection.ExecuteAsync(new CommandDefinition("SELECT 1", cancellationToken: stop));
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
