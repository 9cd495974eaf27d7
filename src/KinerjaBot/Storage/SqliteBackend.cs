using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>The SQLite database in the data directory: the default store, nothing to set up.</summary>
/// <remarks>
/// Connections are used the way SQLite is meant to be used by a server: one long-lived writer connection (its
/// PRAGMAs run once), reused by every write transaction in turn, and reader connections for read-only snapshots
/// that never wait for the writer (WAL), kept open the same way. Each of them compiles an SQL text once and reuses
/// the statement (<see cref="PreparedStatementConnection"/>). Because a connection stays open, closing one is no
/// longer the last close of the file, so SQLite no longer checkpoints and truncates the WAL after every
/// transaction; it checkpoints by itself every 1,000 pages, and once more when the store is disposed at shutdown.
/// </remarks>
internal sealed class SqliteBackend : IStoreBackend
{

    private readonly string _connectionString;

    // One writer at a time inside this process. SQLite allows one anyway, and its own busy handler in the bundled
    // build sleeps in whole seconds while waiting, which made every contended update take a second.
    private readonly SemaphoreSlim _writer = new(1, 1);

    // Only touched while holding _writer. Reopened after a failure that may have left it in an unknown state.
    private PreparedStatementConnection? _writerConnection;
    private bool _disposed;

    // Reader connections kept open with their prepared statements; more than this many at once are closed on return.
    private const int MaxIdleReaders = 8;
    private readonly ConcurrentBag<PreparedStatementConnection> _idleReaders = [];

    private SqliteBackend(string path)
    {
        DatabasePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    public string Description => DatabasePath;

    /// <summary>Opens (creating if needed) the database in <paramref name="dataDirectory"/> and migrates it.</summary>
    public static SqliteBackend Open(string dataDirectory, TimeProvider timeProvider)
    {
        SQLitePCL.Batteries_V2.Init();
        var path = Path.GetFullPath(Path.Combine(dataDirectory, KinerjaStore.FileName));
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var store = new SqliteBackend(path);
            store.Migrate(timeProvider);
            return store;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DataStoreException(
                $"The database {path} cannot be opened ({e.Message}). Check that the folder is writable and the file is a KinerjaBot database (restore a backup if it is damaged), or point KinerjaBot:DataDirectory at another folder.",
                e);
        }
    }

    /// <summary>The schema version recorded in the file.</summary>
    public int SchemaVersion()
    {
        using var connection = OpenConnection();
        return connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    }

    /// <summary>
    /// Starts a read-only snapshot on an idle reader connection (a new one when all are busy). It does not take the
    /// writer's turn: under WAL a reader sees the last committed state and neither blocks nor waits for the writer.
    /// Dispose it; nothing in it commits.
    /// </summary>
    public Task<StoreTransaction> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idleReaders.TryTake(out var connection))
        {
            connection = new PreparedStatementConnection(new SqliteConnection(_connectionString));
        }

        try
        {
            if (connection.State != System.Data.ConnectionState.Open)
            {
                connection.Open();
            }

            var transaction = connection.BeginTransaction(deferred: true);
            return Task.FromResult(new StoreTransaction(connection, transaction, broken => ReturnReader(connection, broken), ownsConnection: false));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts a write transaction. It is BEGIN IMMEDIATE, so two writers queue instead of both reading the same
    /// version and failing later: the second one sees the first one's result.
    /// </summary>
    public async Task<StoreTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var connection = _writerConnection ??= new PreparedStatementConnection(OpenConnection());
            var transaction = connection.BeginTransaction(deferred: false);
            return new StoreTransaction(connection, transaction, ReleaseWriter, ownsConnection: false);
        }
        catch (Exception e) when (e is not ObjectDisposedException)
        {
            ReleaseWriter(broken: true);
            throw;
        }
        catch
        {
            _writer.Release();
            throw;
        }
    }

    /// <summary>Closes the writer connection (SQLite checkpoints the WAL on the last close) and the reader pool.</summary>
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
            while (_idleReaders.TryTake(out var reader))
            {
                reader.Dispose();
            }

            using var pooled = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writer.Release();
        }
    }

    private void ReturnReader(PreparedStatementConnection connection, bool broken)
    {
        if (broken || _disposed || _idleReaders.Count >= MaxIdleReaders)
        {
            connection.Dispose();
            return;
        }

        _idleReaders.Add(connection);

        // Dispose may have emptied the bag between the check and the add.
        if (_disposed && _idleReaders.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    private void ReleaseWriter(bool broken)
    {
        if (broken)
        {
            // After a failed rollback or BEGIN the connection may be mid-transaction or damaged: start afresh.
            _writerConnection?.Dispose();
            _writerConnection = null;
        }

        _writer.Release();
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    private void Migrate(TimeProvider timeProvider)
    {
        using var connection = OpenConnection();

        // WAL lets readers (e.g. /status) run while a writer commits, and survives a crash mid-write.
        connection.Execute("PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction(deferred: false);
        SchemaMigrator.Apply(connection, transaction, sql => sql, DatabasePath, timeProvider);
        transaction.Commit();
    }

    // One process owns the file, so every job is always this instance's.
    public Task<StoreLease?> TryLeadAsync(LeaseRole role, CancellationToken cancellationToken) => Task.FromResult<StoreLease?>(StoreLease.Sole());

    /// <summary>SQLite's answers that mean "try again": BUSY, LOCKED, IOERR, FULL.</summary>
    public static bool IsTemporary(Exception error) => error is SqliteException { SqliteErrorCode: 5 or 6 or 10 or 13 };
}
