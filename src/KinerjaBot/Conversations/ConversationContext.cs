using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;

namespace KinerjaBot.Conversations;

/// <summary>
/// Everything one incoming event is handled with: the open transaction, who is writing, where their
/// conversation stands, and the ways to answer. Replies are queued in the same transaction (see <see cref="OutgoingQueue"/>).
/// </summary>
public sealed class ConversationContext
{
    public required StoreTransaction Transaction { get; init; }

    public required IncomingEvent Event { get; init; }

    public required OfficeConfiguration Office { get; init; }

    /// <summary>The registered official writing, or null for a stranger.</summary>
    public Official? Official { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    public ChatState State { get; set; } = IdleState.Instance;

    /// <summary>The short notice shown on the pressed button (answerCallbackQuery), if any.</summary>
    public string? CallbackNotice { get; set; }

    public Official Me => Official ?? throw new InvalidOperationException("This step needs a registered official.");

    private MessageText? _lead;

    /// <summary>
    /// Text that opens the next reply in this chat instead of going out alone ("Tercatat: …" above the next
    /// question). Telegram allows one message a second per chat, so two messages would reach the official a second
    /// apart and tempt them to answer before the question arrived.
    /// </summary>
    public void Lead(MessageText text) => _lead = _lead is null ? text : _lead.Line().Plain(text.ToString());

    // Set by ContinueInPressedMessage: the next reply rewrites the pressed message instead of following it.
    private bool _continueInPressed;

    public async Task ReplyAsync(OutgoingMessage message)
    {
        if (_lead is { } lead)
        {
            _lead = null;
            message = message with { Text = [.. lead.Spans, new TextSpan("\n\n"), .. message.Text] };
        }

        if (_continueInPressed)
        {
            _continueInPressed = false;
            if (await TryReplacePressedAsync(message))
            {
                return;
            }

            await RemovePressedChoicesAsync();
        }

        await Transaction.Outbox.EnqueueAsync(Event.ChatId, OfficialOutbox.WithSupersedeKey(message), Now, CancellationToken);
    }

    /// <summary>
    /// The pressed message's buttons are done with, and the reply that follows belongs under it ("Mulai isi" and the
    /// first question): the next reply is written into the pressed message, its buttons replacing the old ones, in one
    /// edit instead of a removal and a message (decisions/0021). With no reply, or where that cannot be done, the
    /// buttons are removed as usual.
    /// </summary>
    public void ContinueInPressedMessage() => _continueInPressed = Event.Callback is not null;

    /// <summary>Sends a lead that no reply followed, and removes the pressed buttons no reply took over.</summary>
    public async Task FlushLeadAsync()
    {
        if (_lead is { } lead)
        {
            _lead = null;
            await ReplyAsync(new OutgoingMessage { Text = lead.Spans });
        }

        if (_continueInPressed)
        {
            _continueInPressed = false;
            await RemovePressedChoicesAsync();
        }
    }

    // Only a plain text reply without decision buttons, into a recorded Telegram text message with room for it: a
    // rewritten message cannot carry a reply keyboard or a file, and decision buttons are found again by their message.
    private async Task<bool> TryReplacePressedAsync(OutgoingMessage reply)
    {
        if (Event.Callback is not { } callback || ChatAddress.ChannelOf(Event.ChatId) != Domain.ChatChannel.Telegram
            || reply.Choices.Count > 0 || reply.ContactRequestLabel is not null || reply.RemoveKeyboard || reply.DocumentPath is not null
            || await Transaction.Outbox.SentMessageAsync(Event.ChatId, callback.MessageId, CancellationToken) is not { DocumentPath: null } pressed)
        {
            return false;
        }

        var combined = pressed with { Text = [.. pressed.Text, new TextSpan("\n\n"), .. reply.Text], Choices = [] };
        if (combined.ToString().Length > OutgoingMessage.MaxNotedTextLength)
        {
            return false;
        }

        await Transaction.Outbox.EnqueueReplaceAsync(Event.ChatId, callback.MessageId, combined, Now, CancellationToken);
        return true;
    }

    public Task ReplyAsync(string text) => ReplyAsync(OutgoingMessage.Plain(text));

    public Task ReplyAsync(MessageText text, IReadOnlyList<IReadOnlyList<Choice>>? choices = null) =>
        ReplyAsync(new OutgoingMessage { Text = text.Spans, Choices = choices ?? [] });

    /// <summary>Queues a message to another official; false when they have no chat yet or blocked the bot.</summary>
    public Task<bool> SendToAsync(string officialId, OutgoingMessage message) =>
        OfficialOutbox.SendAsync(Transaction, officialId, message, Now, CancellationToken);

    public Task<bool> SendToAsync(string officialId, MessageText text, IReadOnlyList<IReadOnlyList<Choice>>? choices = null) =>
        SendToAsync(officialId, new OutgoingMessage { Text = text.Spans, Choices = choices ?? [] });

    /// <summary>Removes the buttons under a message in this chat, so a decided item cannot be pressed again.</summary>
    /// <param name="messageId">The bot message in this chat.</param>
    /// <param name="outcome">What was decided, noted under the message ("Disetujui"), so the chat keeps a record.</param>
    public Task RemoveChoicesAsync(long messageId, string? outcome = null) =>
        Transaction.Outbox.EnqueueRemoveChoicesAsync(Event.ChatId, messageId, Now, CancellationToken, outcome);

    /// <summary>
    /// Whether <paramref name="note"/> can be written under the pressed message and <paramref name="otherMessageIds"/>
    /// when their buttons go (Telegram rewrites a sent message in place): then a thanks that would be a message of its
    /// own rides on that edit and costs no slot of Telegram's budget. False on WhatsApp (it cannot edit a sent
    /// message), for a typed event, and for a message that cannot carry the note (a document, a long text, a copy
    /// the outbox did not record): the caller replies instead.
    /// </summary>
    public async Task<bool> CanNoteDecisionAsync(string note, IEnumerable<long> otherMessageIds)
    {
        if (Event.Callback is not { } callback || ChatAddress.ChannelOf(Event.ChatId) != Domain.ChatChannel.Telegram)
        {
            return false;
        }

        foreach (var messageId in otherMessageIds.Prepend(callback.MessageId))
        {
            if (await Transaction.Outbox.SentMessageAsync(Event.ChatId, messageId, CancellationToken) is not { } sent || !sent.CanCarryNote(note))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Removes the buttons of the message that was just pressed, if this event is a press.</summary>
    public Task RemovePressedChoicesAsync(string? outcome = null) =>
        Event.Callback is { } callback ? RemoveChoicesAsync(callback.MessageId, outcome) : Task.CompletedTask;
}
