namespace KinerjaBot.Sandbox;

/// <summary>
/// What a simulated person does (type, share a contact, upload, press a button), each turned into the update the
/// bot receives. Shared by <see cref="SimulatedUser"/> and the chat page. Every action returns the update_id.
/// </summary>
internal sealed class UserActions(SandboxChats chats, UpdateQueue updates, FileStore files, CallbackQueries callbacks, TelegramObjects telegram)
{
    public long SendText(long userId, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Write(userId, _ => Draft() with { Text = text });
    }

    /// <summary>Shares the person's own card when <paramref name="phone"/> is null, else someone else's (or a forged) one.</summary>
    public long ShareContact(long userId, string? phone, long? contactUserId) =>
        Write(userId, chat => Draft() with
        {
            Contact = phone is null
                ? new ChatContact(chat.Phone, chat.FirstName, chat.LastName, chat.UserId)
                : new ChatContact(phone, "Kontak", null, contactUserId),
        });

    public long SendPhoto(long userId, byte[] bytes, string? caption)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var photo = files.StorePhoto(bytes);
        return Write(userId, _ => Draft() with { Photo = photo, Caption = caption });
    }

    public long SendDocument(long userId, byte[] bytes, string fileName, string mimeType, string? caption)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        var document = files.StoreDocument(bytes, fileName, mimeType);
        return Write(userId, _ => Draft() with { Document = document, Caption = caption });
    }

    public long PressButton(long userId, long messageId, string callbackData)
    {
        ArgumentNullException.ThrowIfNull(callbackData);
        return chats.PressButton(userId, messageId, (chat, message) =>
        {
            var id = callbacks.Open(userId, messageId, callbackData);
            return updates.Enqueue(telegram.CallbackQuery(id, chat, message, callbackData));
        });
    }

    /// <summary>Presses the button whose label contains <paramref name="labelPart"/> on the newest bot message showing one.</summary>
    public long PressButton(long userId, string labelPart)
    {
        var (messageId, callbackData) = chats.FindButton(userId, labelPart);
        return PressButton(userId, messageId, callbackData);
    }

    private long Write(long userId, Func<SandboxChat, ChatMessage> draft) =>
        chats.AddUserMessage(userId, draft, (chat, message) => updates.Enqueue(telegram.Message(chat, message)));

    // The chats fill in id, sender, date and version when the message joins the chat.
    private static ChatMessage Draft() => new() { ChatId = 0, MessageId = 0, Sender = ChatMessageSender.User, Date = default };
}
