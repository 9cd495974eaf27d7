namespace KinerjaBot.Sandbox;

/// <summary>
/// A person on the other side of a private chat with the bot: what they type, share, press and upload becomes a
/// Telegram update the bot receives through getUpdates. Every action returns that update's <c>update_id</c>.
/// A lightweight handle: several instances for the same user id share the same chat.
/// </summary>
public sealed class SimulatedUser
{
    private readonly SandboxState _state;

    internal SimulatedUser(SandboxState state, long userId)
    {
        _state = state;
        UserId = userId;
    }

    /// <summary>The Telegram user id.</summary>
    public long UserId { get; }

    /// <summary>The private chat's id, which Telegram makes equal to the user id.</summary>
    public long ChatId => UserId;

    /// <summary>The first name Telegram shows.</summary>
    public string FirstName => _state.Chats.Person(UserId).FirstName;

    /// <summary>The last name, if any.</summary>
    public string? LastName => _state.Chats.Person(UserId).LastName;

    /// <summary>The phone number shared by <see cref="ShareContactAsync(CancellationToken)"/>.</summary>
    public string Phone => _state.Chats.Person(UserId).Phone;

    /// <summary>The person has blocked the bot.</summary>
    public bool HasBlockedBot => _state.Chats.IsBlocked(UserId);

    /// <summary>The reply keyboard the person's client currently shows, if any.</summary>
    public ChatReplyKeyboard? ActiveReplyKeyboard => _state.Chats.ActiveReplyKeyboard(UserId);

    /// <summary>The chat's messages from both sides, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Messages => _state.Chats.Messages(UserId);

    /// <summary>The bot's newest message in this chat, or null.</summary>
    public ChatMessage? LastBotMessage => Messages.LastOrDefault(m => m.Sender == ChatMessageSender.Bot);

    /// <summary>Sends a text; a leading <c>/command</c> is marked with a bot_command entity, as Telegram does.</summary>
    public Task<long> SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.SendText(UserId, text));

    /// <summary>Shares the person's own phone number (contact.user_id is the person), as the request_contact button does.</summary>
    public Task<long> ShareContactAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.ShareContact(UserId, null, null));

    /// <summary>Shares someone else's (or a forged) contact card: <paramref name="contactUserId"/> null means not a Telegram user.</summary>
    public Task<long> ShareContactAsync(string phone, long? contactUserId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        return Task.FromResult(_state.Users.ShareContact(UserId, phone, contactUserId));
    }

    /// <summary>
    /// Presses an inline button, producing a callback_query carrying the message. The data is not checked against
    /// the keyboard, so tests can forge presses as a modified client could.
    /// </summary>
    public Task<long> PressButtonAsync(long messageId, string callbackData, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.PressButton(UserId, messageId, callbackData));

    /// <summary>Presses the button whose label contains <paramref name="labelPart"/> on the newest bot message showing one.</summary>
    public Task<long> PressButtonAsync(string labelPart, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.PressButton(UserId, labelPart));

    /// <summary>Sends a photo; the bot can getFile and download it.</summary>
    public Task<long> SendPhotoAsync(byte[] bytes, string? caption = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.SendPhoto(UserId, bytes, caption));

    /// <summary>Sends a document; the bot can getFile and download it.</summary>
    public Task<long> SendDocumentAsync(
        byte[] bytes, string fileName, string mimeType, string? caption = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state.Users.SendDocument(UserId, bytes, fileName, mimeType, caption));

    /// <summary>Blocks the bot: its sends fail with 403 "bot was blocked by the user" until the person writes again.</summary>
    public void BlockBot() => _state.Chats.SetBlocked(UserId, true);

    /// <summary>
    /// Waits for a bot message (new or edited) in this chat that changed after this person's latest action and matches.
    /// Race-free: a reply that arrived before the call still counts.
    /// </summary>
    public Task<ChatMessage> WaitForReplyAsync(Func<ChatMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _state.Chats.WaitForBotMessageAsync(UserId, predicate, _state.Chats.LastActionVersion(UserId), timeout, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{FirstName} ({UserId})";
}
