using Dapper;

namespace KinerjaBot.Storage;

/// <summary>
/// What the WhatsApp channel must remember per chat: when the person last wrote (WhatsApp accepts free-form messages
/// only for 24 hours after that) and which webhook messages were applied (Meta redelivers until it gets a 2xx).
/// </summary>
public sealed class WhatsAppChats
{
    private readonly StoreSession _session;

    internal WhatsAppChats(StoreSession session) => _session = session;

    public Task RecordInboundAsync(long chatId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            INSERT INTO whatsapp_chats (chat_id, last_inbound_at) VALUES (@chatId, @At)
            ON CONFLICT (chat_id) DO UPDATE SET last_inbound_at = CASE WHEN whatsapp_chats.last_inbound_at IS NULL OR excluded.last_inbound_at > whatsapp_chats.last_inbound_at THEN excluded.last_inbound_at ELSE whatsapp_chats.last_inbound_at END
            """,
            new { chatId, At = StoredTime.Format(atUtc), cancellationToken },
            _session.Transaction);

    public async Task<DateTimeOffset?> LastInboundAsync(long chatId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT last_inbound_at FROM whatsapp_chats WHERE chat_id = @chatId", new { chatId, cancellationToken }, _session.Transaction) is { } at
            ? StoredTime.Parse(at)
            : null;

    /// <summary>
    /// WhatsApp says the window is closed (131047): the next message goes as a template, whatever our clock said, unless
    /// one was already sent since the person last wrote (several failures in a row ask once).
    /// </summary>
    public Task RecordWindowClosedAsync(long chatId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            """
            UPDATE whatsapp_chats SET
                last_inbound_at = NULL,
                template_sent_at = CASE WHEN template_sent_at > last_inbound_at THEN template_sent_at ELSE NULL END
            WHERE chat_id = @chatId
            """,
            new { chatId, cancellationToken },
            _session.Transaction);

    /// <summary>A template went out to reopen the window; no second one until the person has written.</summary>
    public Task RecordTemplateSentAsync(long chatId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO whatsapp_chats (chat_id, template_sent_at) VALUES (@chatId, @At) ON CONFLICT (chat_id) DO UPDATE SET template_sent_at = excluded.template_sent_at",
            new { chatId, At = StoredTime.Format(atUtc), cancellationToken },
            _session.Transaction);

    /// <summary>Whether a template was sent after the person last wrote (or ever, if they never did).</summary>
    public async Task<bool> TemplateWaitingAsync(long chatId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM whatsapp_chats WHERE chat_id = @chatId AND template_sent_at IS NOT NULL AND (last_inbound_at IS NULL OR template_sent_at > last_inbound_at)",
            new { chatId, cancellationToken },
            _session.Transaction) > 0;

    public async Task<bool> IsProcessedAsync(string messageId, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM whatsapp_processed WHERE message_id = @messageId", new { messageId, cancellationToken }, _session.Transaction) > 0;

    /// <summary>Marks the webhook message applied; call it in the transaction that saves its effects.</summary>
    public Task MarkProcessedAsync(string messageId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO whatsapp_processed (message_id, processed_at) VALUES (@messageId, @At) ON CONFLICT (message_id) DO NOTHING",
            new { messageId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);
}
