namespace KinerjaBot.Storage;

/// <summary>
/// Where everything is kept: the SQLite file in the data directory (the default, nothing to set up) or a PostgreSQL
/// database several instances share. Opening it applies pending schema migrations; every change happens inside a
/// <see cref="StoreTransaction"/>, so a transition and the data it changes commit together, on either engine.
/// </summary>
public sealed class KinerjaStore : IDisposable
{
    public const string FileName = "kinerjabot.db";

    private readonly IStoreBackend _backend;

    private readonly SharedWriteQueue _sharedWrites;

    private KinerjaStore(IStoreBackend backend)
    {
        _backend = backend;
        _sharedWrites = new SharedWriteQueue(backend.BeginAsync);
    }

    /// <summary>The SQLite file's full path, or PostgreSQL's host, port, database and user (never the password).</summary>
    public string DatabasePath => _backend.Description;

    /// <summary>Opens (creating if needed) the SQLite database in <paramref name="dataDirectory"/> and migrates it.</summary>
    public static KinerjaStore Open(string dataDirectory, TimeProvider timeProvider) =>
        new(SqliteBackend.Open(dataDirectory, timeProvider));

    /// <summary>Connects to PostgreSQL and migrates the database (which must exist; the tables are created).</summary>
    public static KinerjaStore OpenPostgres(string connectionString, TimeProvider timeProvider) =>
        new(PostgresBackend.Open(connectionString, timeProvider));

    /// <summary>The store <paramref name="storage"/> names; SQLite lives in <paramref name="dataDirectory"/>.</summary>
    public static KinerjaStore Open(StorageOptions storage, string dataDirectory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.IsPostgres ? OpenPostgres(storage.ConnectionString, timeProvider) : Open(dataDirectory, timeProvider);
    }

    /// <summary>Whether a failure is the database's "busy, try again" rather than a bug or bad data.</summary>
    public static bool IsTemporaryFailure(Exception error) =>
        error is SharedWriteAbortedException || SqliteBackend.IsTemporary(error) || PostgresBackend.IsTemporary(error);

    /// <summary>The schema version recorded in the database.</summary>
    public int SchemaVersion() => _backend.SchemaVersion();

    /// <summary>
    /// Starts a read-only snapshot. It does not take the writer's turn: a reader sees the last committed state and
    /// neither blocks nor waits for the writer. Dispose it; nothing in it commits.
    /// </summary>
    public Task<StoreTransaction> ReadAsync(CancellationToken cancellationToken) => _backend.ReadAsync(cancellationToken);

    /// <summary>
    /// Starts a write transaction. Writers take turns (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock), so two
    /// writers queue instead of both reading the same version and failing later: the second sees the first's result.
    /// </summary>
    public Task<StoreTransaction> BeginAsync(CancellationToken cancellationToken) => _backend.BeginAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="step"/> in a write transaction it may share with the steps other callers hand in at the same
    /// moment, each in its own savepoint, one after another in the order they came (<see cref="SharedWriteQueue"/>). The
    /// step must not commit. The returned task completes once the transaction has committed; a step that threw was undone
    /// alone and its error is thrown here, and the others' changes are saved.
    /// </summary>
    public Task<T> WriteTogetherAsync<T>(Func<StoreTransaction, CancellationToken, Task<T>> step, CancellationToken cancellationToken) =>
        _sharedWrites.RunAsync(step, cancellationToken);

    /// <summary>
    /// This instance's turn at <paramref name="role"/> among every instance on the database, or null while another one
    /// holds it (try again later). With SQLite there is only this instance. Dispose the lease to give the turn back.
    /// </summary>
    public Task<StoreLease?> TryLeadAsync(LeaseRole role, CancellationToken cancellationToken) => _backend.TryLeadAsync(role, cancellationToken);

    /// <summary>Closes the connections (SQLite checkpoints the WAL on the last close).</summary>
    public void Dispose() => _backend.Dispose();
}
