using Dapper;
using KinerjaBot.Messaging;

namespace KinerjaBot.Storage;

/// <summary>Which chat belongs to which official.</summary>
public sealed class ChatBindings
{
    private const string Columns = "official_id AS OfficialId, chat_id AS ChatId, user_id AS UserId, bound_at AS BoundAt, unreachable AS Unreachable";

    private readonly StoreSession _session;

    internal ChatBindings(StoreSession session) => _session = session;

    /// <summary>Binds (or re-binds, e.g. after a phone change) the official to this chat.</summary>
    public Task BindAsync(string officialId, long chatId, long userId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            DELETE FROM chat_bindings WHERE chat_id = @chatId AND official_id <> @officialId;
            INSERT INTO chat_bindings (official_id, chat_id, user_id, bound_at, unreachable, channel)
            VALUES (@officialId, @chatId, @userId, @At, 0, @Channel)
            ON CONFLICT (official_id) DO UPDATE SET chat_id = excluded.chat_id, user_id = excluded.user_id, bound_at = excluded.bound_at, unreachable = 0, channel = excluded.channel;
            """,
            new { officialId, chatId, userId, At = StoredTime.Format(nowUtc), Channel = ChatAddress.StoredName(ChatAddress.ChannelOf(chatId)), cancellationToken },
            _session.Transaction);

    public async Task<ChatBinding?> FindByChatAsync(long chatId, CancellationToken cancellationToken) =>
        (await _session.Connection.QuerySingleOrDefaultAsync<BindingRow>(
            $"SELECT {Columns} FROM chat_bindings WHERE chat_id = @chatId", new { chatId, cancellationToken }, _session.Transaction))?.ToBinding();

    public async Task<ChatBinding?> FindByOfficialAsync(string officialId, CancellationToken cancellationToken) =>
        (await _session.Connection.QuerySingleOrDefaultAsync<BindingRow>(
            $"SELECT {Columns} FROM chat_bindings WHERE official_id = @officialId", new { officialId, cancellationToken }, _session.Transaction))?.ToBinding();

    public async Task<IReadOnlyList<ChatBinding>> AllAsync(CancellationToken cancellationToken) =>
        (await _session.Connection.QueryAsync<BindingRow>(
            $"SELECT {Columns} FROM chat_bindings ORDER BY official_id", cancellationToken, _session.Transaction)).Select(r => r.ToBinding()).ToList();

    /// <summary>The official blocked the bot; messages to them stop until they write again.</summary>
    public Task MarkUnreachableAsync(long chatId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE chat_bindings SET unreachable = 1 WHERE chat_id = @chatId", new { chatId, cancellationToken }, _session.Transaction);

    /// <summary>The official wrote again, so messages can reach them again.</summary>
    public Task MarkReachableAsync(long chatId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE chat_bindings SET unreachable = 0 WHERE chat_id = @chatId", new { chatId, cancellationToken }, _session.Transaction);

    internal sealed record BindingRow(string OfficialId, long ChatId, long UserId, string BoundAt, long Unreachable)
    {
        public ChatBinding ToBinding() => new(OfficialId, ChatId, UserId, StoredTime.Parse(BoundAt), Unreachable != 0);
    }
}
