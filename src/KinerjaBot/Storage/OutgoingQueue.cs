using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using KinerjaBot.Messaging;

namespace KinerjaBot.Storage;

/// <summary>
/// The transactional outbox: conversation code queues messages in the same transaction as the change that
/// caused them, and a dispatcher sends them afterwards. A crash can therefore never lose a message whose
/// change was saved, nor send one whose change was rolled back.
/// </summary>
public sealed partial class OutgoingQueue
{
    /// <summary>Marks items held back because the chat blocked the bot; they are queued again when it writes.</summary>
    public const string UnreachablePrefix = "unreachable:";

    /// <summary>
    /// Captions stop at 1024 characters on Telegram (and on WhatsApp); a document with a longer text is queued as
    /// the document, then the text as a message of its own, so each part is sent (and retried) exactly once.
    /// </summary>
    public const int MaxCaptionLength = 1024;

    private readonly StoreSession _session;

    internal OutgoingQueue(StoreSession session) => _session = session;

    /// <summary>
    /// The chat whose update this transaction applies: messages queued for it are replies to a person who is waiting
    /// and go out before reminders, digests and notices to others (<see cref="OutboxItem.IsReply"/>).
    /// </summary>
    public long? ReplyChatId { get; set; }

    /// <summary>How many messages this transaction queued for <see cref="ReplyChatId"/> so far (button removals not counted).</summary>
    public int RepliesQueued { get; private set; }

    public async Task EnqueueAsync(long chatId, OutgoingMessage message, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        if (message.DocumentPath is not null && message.ToString().Length > MaxCaptionLength)
        {
            await InsertAsync(chatId, OutboxOperation.Send, new Payload(message with { Text = [], Choices = [], SupersedeKey = null }, null), nowUtc, cancellationToken);
            message = message with { DocumentPath = null, DocumentName = null };
        }

        await InsertAsync(chatId, OutboxOperation.Send, new Payload(message, null), nowUtc, cancellationToken);
    }

    /// <summary>
    /// The Telegram message id of the latest message sent before item <paramref name="beforeId"/> under the same key,
    /// unless its buttons are already removed or queued for removal: removing them again would only draw
    /// "message is not modified" and cost a slot of Telegram's budget.
    /// </summary>
    public async Task<long?> PreviousSentWithKeyAsync(long chatId, string key, long beforeId, CancellationToken cancellationToken)
    {
        var previous = await _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT sent_message_id FROM outbox WHERE chat_id = @chatId AND supersede_key = @key AND id < @beforeId AND sent_message_id IS NOT NULL ORDER BY id DESC LIMIT 1",
            new { chatId, key, beforeId, cancellationToken },
            _session.Transaction);
        return previous is { } messageId && !await HasChoicesAsync(chatId, messageId, long.MaxValue, cancellationToken) ? null : previous;
    }

    /// <summary>
    /// Whether message <paramref name="messageId"/> still shows buttons once the rows queued before row
    /// <paramref name="beforeId"/> are out (sent, or still waiting; not given up on): the newest of its sending, its
    /// rewrites and its button removals decides. True for a message the queue does not know.
    /// </summary>
    public async Task<bool> HasChoicesAsync(long chatId, long messageId, long beforeId, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<ShownRow>(
            """
            SELECT operation AS Operation, payload_json AS PayloadJson FROM outbox
            WHERE chat_id = @chatId AND id < @beforeId AND failed_at IS NULL
              AND ((operation = @Send AND sent_message_id = @messageId) OR (operation IN (@RemoveChoices, @Replace) AND payload_json LIKE @Pattern))
            ORDER BY id DESC LIMIT 1
            """,
            new { chatId, messageId, beforeId, Send = OutboxOperation.Send.ToString(), RemoveChoices = OutboxOperation.RemoveChoices.ToString(), Replace = OutboxOperation.Replace.ToString(), Pattern = TargetPattern(messageId), cancellationToken },
            _session.Transaction);
        return rows.FirstOrDefault() is not { Operation: not null } found
            || (found.Operation != OutboxOperation.RemoveChoices.ToString() && JsonSerializer.Deserialize(found.PayloadJson, PayloadJsonContext.Default.Payload)?.Message?.Choices.Count > 0);
    }

    // Matches the payload of a row aimed at the message (rows are written by this class only, always in this shape).
    private static string TargetPattern(long messageId) =>
        $"%\"targetMessageId\":{messageId.ToString(System.Globalization.CultureInfo.InvariantCulture)},%";

    /// <summary>The outbox row that became Telegram message <paramref name="messageId"/> in the chat, if it was recorded.</summary>
    public Task<long?> RowOfSentMessageAsync(long chatId, long messageId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT id FROM outbox WHERE chat_id = @chatId AND sent_message_id = @messageId AND operation = @Send ORDER BY id DESC LIMIT 1",
            new { chatId, messageId, Send = OutboxOperation.Send.ToString(), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// The Telegram message id of the latest message queued before row <paramref name="beforeId"/> that carries a
    /// button with exactly <paramref name="action"/> and that Telegram accepted: proof the official was shown it.
    /// </summary>
    public Task<long?> DeliveredWithChoiceAsync(long chatId, string action, long beforeId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT sent_message_id FROM outbox WHERE chat_id = @chatId AND id < @beforeId AND sent_message_id IS NOT NULL AND payload_json LIKE @Pattern ESCAPE '\\' ORDER BY id DESC LIMIT 1",
            new { chatId, beforeId, Pattern = ChoicePattern(action), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// The newest message row of the chat (not given up on) with a button carrying exactly <paramref name="action"/>:
    /// its row id and, once Telegram has accepted it and that is recorded, its message id.
    /// </summary>
    public async Task<(long RowId, long? SentMessageId)?> LatestWithChoiceAsync(long chatId, string action, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<ChoiceRow>(
            "SELECT id AS RowId, sent_message_id AS SentMessageId FROM outbox WHERE chat_id = @chatId AND operation = @Send AND failed_at IS NULL AND payload_json LIKE @Pattern ESCAPE '\\' ORDER BY id DESC LIMIT 1",
            new { chatId, Send = OutboxOperation.Send.ToString(), Pattern = ChoicePattern(action), cancellationToken },
            _session.Transaction);
        return rows.Select(r => ((long, long?)?)(r.RowId, r.SentMessageId)).FirstOrDefault();
    }

    /// <summary>The Telegram message id row <paramref name="rowId"/> became, once it is sent and recorded.</summary>
    public Task<long?> SentMessageOfRowAsync(long rowId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT sent_message_id FROM outbox WHERE id = @rowId", new { rowId, cancellationToken }, _session.Transaction);

    // Matches a payload with the action as one of its JSON strings (a button's action), escaped for LIKE.
    private static string ChoicePattern(string action) =>
        "%" + JsonSerializer.Serialize(action, PayloadJsonContext.Default.String).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>The chat wrote again after blocking the bot: what was held for it goes out after all.</summary>
    public Task RequeueUnreachableAsync(long chatId, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE outbox SET failed_at = NULL, last_error = NULL WHERE chat_id = @chatId AND sent_at IS NULL AND last_error LIKE @Held",
            new { chatId, Held = UnreachablePrefix + "%", cancellationToken },
            _session.Transaction);

    public Task EnqueueRemoveChoicesAsync(long chatId, long messageId, DateTimeOffset nowUtc, CancellationToken cancellationToken, string? outcome = null) =>
        InsertAsync(chatId, OutboxOperation.RemoveChoices, new Payload(null, messageId, outcome), nowUtc, cancellationToken);

    /// <summary>
    /// Queues the removal of the buttons of the message row <paramref name="rowId"/> becomes, for a row still on its way
    /// (queued, or sent but not yet recorded): the dispatcher finds its message id when it gets to the removal, and
    /// never takes the removal before the row itself.
    /// </summary>
    public Task EnqueueRemoveChoicesOfRowAsync(long chatId, long rowId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        InsertAsync(chatId, OutboxOperation.RemoveChoices, new Payload(null, null, TargetRowId: rowId), nowUtc, cancellationToken);

    /// <summary>Queues a rewrite of message <paramref name="messageId"/> into <paramref name="message"/> (its whole new text and buttons).</summary>
    public Task EnqueueReplaceAsync(long chatId, long messageId, OutgoingMessage message, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        InsertAsync(chatId, OutboxOperation.Replace, new Payload(message with { SupersedeKey = null }, messageId), nowUtc, cancellationToken);

    /// <summary>
    /// What Telegram message <paramref name="messageId"/> in this chat shows, if it came from this queue: as sent, or
    /// as last rewritten (<see cref="OutboxOperation.Replace"/>), whichever is newer.
    /// </summary>
    public async Task<OutgoingMessage?> SentMessageAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        var json = await _session.Connection.ExecuteScalarAsync<string?>(
            """
            SELECT payload_json FROM outbox
            WHERE chat_id = @chatId AND sent_at IS NOT NULL
              AND ((operation = @Send AND sent_message_id = @messageId) OR (operation = @Replace AND payload_json LIKE @Pattern))
            ORDER BY id DESC LIMIT 1
            """,
            new { chatId, messageId, Send = OutboxOperation.Send.ToString(), Replace = OutboxOperation.Replace.ToString(), Pattern = TargetPattern(messageId), cancellationToken },
            _session.Transaction);
        return json is null ? null : JsonSerializer.Deserialize(json, PayloadJsonContext.Default.Payload)?.Message;
    }

    /// <summary>
    /// Whether Telegram message <paramref name="messageId"/> of this chat is the copy the queue recorded. Telegram
    /// numbers a chat's messages in increasing order, so an unknown id below a recorded one can never be recorded.
    /// </summary>
    public async Task<PressedMessageStatus> ClassifyPressedMessageAsync(long chatId, long messageId, CancellationToken cancellationToken)
    {
        var row = await _session.Connection.QuerySingleAsync<PressedRow>(
            """
            SELECT
              EXISTS (SELECT 1 FROM outbox WHERE chat_id = @chatId AND operation = @Send AND sent_message_id = @messageId) AS Recorded,
              EXISTS (SELECT 1 FROM outbox WHERE chat_id = @chatId AND operation = @Send AND sent_message_id > @messageId) AS Later,
              EXISTS (SELECT 1 FROM outbox WHERE chat_id = @chatId AND operation = @Send AND sent_at IS NULL AND failed_at IS NULL) AS Pending
            """,
            new { chatId, messageId, Send = OutboxOperation.Send.ToString(), cancellationToken },
            _session.Transaction);
        return row.Recorded ? PressedMessageStatus.Recorded
            : !row.Later && row.Pending ? PressedMessageStatus.InFlight
            : PressedMessageStatus.Unrecorded;
    }

    /// <summary>Items not yet sent nor given up on, oldest first.</summary>
    public Task<IReadOnlyList<OutboxItem>> PendingAsync(int limit, CancellationToken cancellationToken) =>
        PendingAsync(0, limit, null, cancellationToken);

    /// <summary>
    /// Items not yet sent nor given up on with an id above <paramref name="afterId"/>, oldest first, without decoding
    /// those <paramref name="skip"/> says the caller already holds: ids only grow (one writer, commits in id order), so
    /// a dispatcher that remembers the highest id it has read reads each item once instead of every pending one on
    /// every wake-up.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> PendingAsync(long afterId, int limit, Func<long, bool>? skip, CancellationToken cancellationToken)
    {
        var rows = await _session.Connection.QueryAsync<Row>(
            "SELECT id AS Id, chat_id AS ChatId, operation AS Operation, payload_json AS PayloadJson FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND id > @afterId ORDER BY id LIMIT @limit",
            new { afterId, limit, cancellationToken },
            _session.Transaction);
        var items = new List<OutboxItem>();
        foreach (var r in rows)
        {
            if (skip?.Invoke(r.Id) == true)
            {
                continue;
            }

            var payload = JsonSerializer.Deserialize(r.PayloadJson, PayloadJsonContext.Default.Payload)!;
            items.Add(new OutboxItem(r.Id, r.ChatId, Enum.Parse<OutboxOperation>(r.Operation), payload.Message, payload.TargetMessageId, payload.Outcome, payload.Reply, payload.TargetRowId));
        }

        return items;
    }

    /// <summary>When the latest item was sent, by any instance, or null when none was.</summary>
    public async Task<DateTimeOffset?> LastSentAtAsync(CancellationToken cancellationToken) =>
        StoredTime.ParseOptional(await _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT MAX(sent_at) FROM outbox",
            cancellationToken,
            _session.Transaction));

    /// <summary>How many items wait to be sent and since when the oldest has waited (for the health endpoint).</summary>
    public async Task<OutboxBacklog> BacklogAsync(CancellationToken cancellationToken)
    {
        var row = await _session.Connection.QuerySingleAsync<BacklogRow>(
            "SELECT COUNT(*) AS Count, MIN(created_at) AS Oldest FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            cancellationToken,
            _session.Transaction);
        return new OutboxBacklog(row.Count, row.Oldest is null ? null : StoredTime.Parse(row.Oldest));
    }

    public Task MarkSentAsync(long id, long? sentMessageId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE outbox SET sent_at = @At, sent_message_id = @sentMessageId WHERE id = @id",
            new { id, sentMessageId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// A channel whose messages are named by strings (WhatsApp's "wamid.…") accepted the item: recorded with that id,
    /// so its delivery statuses can be found again. Its sent message number is the row's own id, which grows per chat
    /// like Telegram's message ids, so "delivered before" questions (decisions/0012) read the same on both channels.
    /// </summary>
    public Task MarkSentOnChannelAsync(long id, string channelMessageId, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE outbox SET sent_at = @At, sent_message_id = id, channel_message_id = @channelMessageId, delivery_status = 'sent' WHERE id = @id",
            new { id, channelMessageId, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    /// <summary>
    /// Records what the channel reported about a sent message (delivered, read, failed); a status never moves back
    /// (webhooks may arrive out of order), and a failure is kept with its reason. False when no row has that id.
    /// </summary>
    public async Task<bool> RecordDeliveryStatusAsync(string channelMessageId, string status, string? error, CancellationToken cancellationToken) =>
        await _session.Connection.ExecuteAsync(
            """
            UPDATE outbox SET
                delivery_status = CASE
                    WHEN delivery_status = 'failed' THEN delivery_status
                    WHEN @status = 'failed' THEN @status
                    WHEN @status = 'read' OR delivery_status IS NULL THEN @status
                    WHEN @status = 'delivered' AND delivery_status <> 'read' THEN @status
                    ELSE delivery_status END,
                last_error = CASE WHEN @status = 'failed' THEN @error ELSE last_error END
            WHERE channel_message_id = @channelMessageId
            """,
            new { channelMessageId, status, error, cancellationToken },
            _session.Transaction) > 0;

    /// <summary>
    /// The channel accepted the message but later reported it undelivered for a reason that sending again can fix
    /// (WhatsApp's 131047: the 24-hour window had closed): the row is pending again, and its chat id is returned.
    /// </summary>
    public async Task<long?> ReturnToQueueAsync(string channelMessageId, CancellationToken cancellationToken)
    {
        var chatId = await _session.Connection.ExecuteScalarAsync<long?>(
            "SELECT chat_id FROM outbox WHERE channel_message_id = @channelMessageId", new { channelMessageId, cancellationToken }, _session.Transaction);
        await _session.Connection.ExecuteAsync(
            "UPDATE outbox SET sent_at = NULL, sent_message_id = NULL, failed_at = NULL, last_error = NULL, channel_message_id = NULL, delivery_status = NULL WHERE channel_message_id = @channelMessageId",
            new { channelMessageId, cancellationToken },
            _session.Transaction);
        return chatId;
    }

    /// <summary>The last delivery status a channel reported for the row, or null (Telegram reports none).</summary>
    public Task<string?> DeliveryStatusAsync(long id, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteScalarAsync<string?>(
            "SELECT delivery_status FROM outbox WHERE id = @id", new { id, cancellationToken }, _session.Transaction);

    /// <summary>Gives up on an item (Telegram refused it for good); the error stays for the operator to read.</summary>
    public Task MarkFailedAsync(long id, string error, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "UPDATE outbox SET failed_at = @At, last_error = @error WHERE id = @id",
            new { id, error, At = StoredTime.Format(nowUtc), cancellationToken },
            _session.Transaction);

    private Task InsertAsync(long chatId, OutboxOperation operation, Payload payload, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        payload = payload with { Reply = chatId == ReplyChatId };
        if (payload.Reply && operation != OutboxOperation.RemoveChoices)
        {
            RepliesQueued++;
        }

        return InsertRowAsync(chatId, operation.ToString(), JsonSerializer.Serialize(payload, PayloadJsonContext.Default.Payload), payload.Message?.SupersedeKey, nowUtc, cancellationToken);
    }

    // On its own: Dapper.AOT 1.1.0 generated nothing for this call while it sat in InsertAsync, which takes the private
    // Payload, so it would have fallen back to run-time IL emit (decisions/0026).
    private Task InsertRowAsync(long chatId, string operation, string payloadJson, string? supersedeKey, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        _session.Connection.ExecuteAsync(
            "INSERT INTO outbox (chat_id, operation, payload_json, created_at, supersede_key, channel) VALUES (@chatId, @operation, @payloadJson, @At, @supersedeKey, @Channel)",
            new { chatId, operation, payloadJson, At = StoredTime.Format(nowUtc), supersedeKey, Channel = ChatAddress.StoredName(ChatAddress.ChannelOf(chatId)), cancellationToken },
            _session.Transaction);

    private sealed record Payload(OutgoingMessage? Message, long? TargetMessageId, string? Outcome = null, bool Reply = false, long? TargetRowId = null);

    // The payload's JSON is written at build time (decisions/0026): the same text the reflection-based serializer wrote
    // (web defaults: camelCase, numbers as numbers), without reflecting over the message on every read and write.
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(Payload))]
    [JsonSerializable(typeof(string))]
    private sealed partial class PayloadJsonContext : JsonSerializerContext;

    internal sealed record Row(long Id, long ChatId, string Operation, string PayloadJson);

    // Rows read by the queries above (internal: the build-time generated mapping must reach them, decisions/0026).
    internal sealed record ShownRow(string Operation, string PayloadJson);

    internal sealed record ChoiceRow(long RowId, long? SentMessageId);

    internal sealed record PressedRow(bool Recorded, bool Later, bool Pending);

    internal sealed record BacklogRow(long Count, string? Oldest);
}
