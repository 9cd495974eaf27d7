using Dapper;

namespace KinerjaBot.Storage;

/// <summary>Where each chat's conversation stands, as JSON owned by the conversation code; survives restarts.</summary>
public sealed class ConversationStates
{
    private readonly StoreSession _session;

    internal ConversationStates(StoreSession session) => _session = session;

    public Task<string?> GetAsync(long chatId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT state_json FROM conversations WHERE chat_id = @chatId", new { chatId, cancellationToken }, _session.Transaction);

    public Task SaveAsync(long chatId, string stateJson, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            INSERT INTO conversations (chat_id, state_json, updated_at) VALUES (@chatId, @stateJson, @At)
            ON CONFLICT (chat_id) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
            """,
            new { chatId, stateJson, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);
}
