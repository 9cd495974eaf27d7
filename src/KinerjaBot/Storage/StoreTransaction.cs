using System.Data.Common;
using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// One write transaction and the tables reached through it. Nothing is saved until <see cref="CommitAsync"/>;
/// disposing without committing rolls everything back, so a crash half-way leaves no half-applied change.
/// </summary>
public sealed class StoreTransaction : IAsyncDisposable, IDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Action<bool> _release;
    private readonly bool _ownsConnection;
    private readonly List<Action> _undoOnRollback = [];
    private bool _committed;
    private bool _disposed;
    private bool _inPart;

    /// <param name="connection">The connection the transaction runs on.</param>
    /// <param name="transaction">The open transaction.</param>
    /// <param name="release">Called once at the end; its argument is true when the connection may be unusable.</param>
    /// <param name="ownsConnection">Whether disposing closes the connection (a pooled reader) or leaves it to the store (the writer).</param>
    internal StoreTransaction(DbConnection connection, DbTransaction transaction, Action<bool> release, bool ownsConnection)
    {
        _connection = connection;
        _transaction = transaction;
        _release = release;
        _ownsConnection = ownsConnection;
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
        Letters = new LetterNumbers(session);
        Acting = new ActingRecords(session);
        Closures = new PeriodClosures(session);
        WhatsApp = new WhatsAppChats(session);
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

    public LetterNumbers Letters { get; }

    public ActingRecords Acting { get; }

    public PeriodClosures Closures { get; }

    /// <summary>
    /// Runs <paramref name="undo"/> if this transaction ends without committing: for state kept in memory beside the
    /// store (the Plt. / Plh. register), which must not keep a change the store rolled back.
    /// </summary>
    public void OnRollback(Action undo) => _undoOnRollback.Add(undo);

    public WhatsAppChats WhatsApp { get; }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_inPart)
        {
            throw new InvalidOperationException("A step of a shared write transaction does not commit: the store commits every step together.");
        }

        // Not cancellable once asked: a commit cut off half-way would leave the caller unsure whether it happened.
        await _transaction.CommitAsync(CancellationToken.None);
        _committed = true;
    }

    /// <summary>
    /// Starts one caller's part of a transaction several callers share (<see cref="SharedWriteQueue"/>): a savepoint, so
    /// the part can be undone alone. Returns the mark <see cref="UndoPartAsync"/> needs.
    /// </summary>
    internal async Task<int> BeginPartAsync()
    {
        await _connection.ExecuteAsync("SAVEPOINT part", transaction: _transaction);
        _inPart = true;
        Outbox.ReplyChatId = null;
        return _undoOnRollback.Count;
    }

    /// <summary>Keeps the current part: it commits with the rest of the transaction.</summary>
    internal async Task KeepPartAsync()
    {
        await _connection.ExecuteAsync("RELEASE SAVEPOINT part", transaction: _transaction);
        _inPart = false;
    }

    /// <summary>Undoes the current part only: its changes, and the in-memory changes it registered since <paramref name="undoMark"/>.</summary>
    internal async Task UndoPartAsync(int undoMark)
    {
        var undone = _undoOnRollback[undoMark..];
        _undoOnRollback.RemoveRange(undoMark, undone.Count);
        undone.ForEach(undo => undo());
        await _connection.ExecuteAsync("ROLLBACK TO SAVEPOINT part", transaction: _transaction);
        await _connection.ExecuteAsync("RELEASE SAVEPOINT part", transaction: _transaction);
        _inPart = false;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var broken = true;
        try
        {
            try
            {
                if (!_committed)
                {
                    _undoOnRollback.ForEach(undo => undo());
                    try
                    {
                        _transaction.Rollback();
                        broken = false;
                    }
                    catch (Exception)
                    {
                        // The engine may already have rolled back (after an I/O error, a failed COMMIT or a lost
                        // connection), so ROLLBACK fails too. Nothing was saved either way; the error already on its way
                        // is the one that matters and must not be replaced by this one (callers tell temporary failures
                        // from bugs by it). The connection stays counted as broken and is replaced.
                    }
                }
                else
                {
                    broken = false;
                }
            }
            finally
            {
                // Even when the rollback fails (the engine may already have rolled back after an I/O error or a lost connection), the
                // writer slot frees and the store replaces the connection, so the next transaction is not stuck.
                _transaction.Dispose();
                if (_ownsConnection)
                {
                    _connection.Dispose();
                }
            }
        }
        finally
        {
            _release(broken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
