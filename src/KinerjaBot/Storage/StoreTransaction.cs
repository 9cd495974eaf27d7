using Microsoft.Data.Sqlite;

namespace KinerjaBot.Storage;

/// <summary>
/// One write transaction and the tables reached through it. Nothing is saved until <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back, so a crash half-way leaves no half-applied change.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Action _release;
    private bool _committed;
    private bool _disposed;

    internal StoreTransaction(SqliteConnection connection, SqliteTransaction transaction, Action release)
    {
        _connection = connection;
        _transaction = transaction;
        _release = release;
        var session = new StoreSession(connection, transaction);
        Workflows = new WorkflowInstances(session);
        Values = new SubmissionValues(session);
        Audit = new AuditLog(session);
        Chats = new ChatBindings(session);
        Periods = new PeriodRecords(session);
        Telegram = new TelegramUpdates(session);
        Outbox = new OutgoingQueue(session);
        Conversations = new ConversationStates(session);
        Reminders = new ReminderRecords(session);
        Rebinds = new RebindRequests(session);
    }

    public WorkflowInstances Workflows { get; }

    public SubmissionValues Values { get; }

    public AuditLog Audit { get; }

    public ChatBindings Chats { get; }

    public PeriodRecords Periods { get; }

    public TelegramUpdates Telegram { get; }

    public OutgoingQueue Outbox { get; }

    public ConversationStates Conversations { get; }

    public ReminderRecords Reminders { get; }

    public RebindRequests Rebinds { get; }

    public Task CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _transaction.Commit();
        _committed = true;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            try
            {
                if (!_committed)
                {
                    _transaction.Rollback();
                }
            }
            finally
            {
                // Even when the rollback fails (SQLite may already have rolled back after an I/O error), the
                // connection closes and the writer slot frees, so the next transaction is not stuck behind this one.
                _transaction.Dispose();
                _connection.Dispose();
            }
        }
        finally
        {
            _release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
