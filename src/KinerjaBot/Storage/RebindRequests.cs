using Dapper;

namespace KinerjaBot.Storage;

/// <summary>Moves of an official to another Telegram account that an operator has to allow (see <see cref="RebindRequest"/>).</summary>
public sealed class RebindRequests
{
    private const string Columns = "id AS Id, official_id AS OfficialId, chat_id AS ChatId, user_id AS UserId, old_chat_id AS OldChatId, requested_at AS RequestedAt, decided_at AS DecidedAt, decided_by AS DecidedBy, approved AS Approved";

    private readonly StoreSession _session;

    internal RebindRequests(StoreSession session) => _session = session;

    /// <summary>Records the request; returns its id.</summary>
    public Task<long> AddAsync(string officialId, long chatId, long userId, long oldChatId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<long>(
            "INSERT INTO rebind_requests (official_id, chat_id, user_id, old_chat_id, requested_at) VALUES (@officialId, @chatId, @userId, @oldChatId, @At) RETURNING id",
            new { officialId, chatId, userId, oldChatId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    /// <summary>The undecided request this chat made, if any.</summary>
    public async Task<RebindRequest?> PendingForChatAsync(long chatId, CancellationToken cancellationToken) =>
        (await _session.Connection.QueryFirstOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM rebind_requests WHERE chat_id = @chatId AND decided_at IS NULL ORDER BY id DESC LIMIT 1",
            new { chatId, cancellationToken },
            _session.Transaction))?.ToRequest();

    public async Task<RebindRequest?> FindAsync(long id, CancellationToken cancellationToken) =>
        (await _session.Connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM rebind_requests WHERE id = @id", new { id, cancellationToken }, _session.Transaction))?.ToRequest();

    /// <summary>Closes the request; false when it was decided already (a double press, a second operator).</summary>
    public async Task<bool> DecideAsync(long id, string operatorId, bool approved, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteAsync(
            "UPDATE rebind_requests SET decided_at = @At, decided_by = @operatorId, approved = @Approved WHERE id = @id AND decided_at IS NULL",
            new { id, operatorId, Approved = approved ? 1 : 0, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction) == 1;

    internal sealed record Row(long Id, string OfficialId, long ChatId, long UserId, long OldChatId, string RequestedAt, string? DecidedAt, string? DecidedBy, long? Approved)
    {
        public RebindRequest ToRequest() => new(
            Id, OfficialId, ChatId, UserId, OldChatId, StoredTime.Parse(RequestedAt), DecidedAt is null ? null : StoredTime.Parse(DecidedAt), DecidedBy, Approved is null ? null : Approved != 0);
    }
}
