using System.Globalization;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The sandbox's chats as Telegram.Bot's own types, so the JSON the bot receives is shaped by the same
/// definitions a Telegram.Bot client reads it with, not by hand.
/// </summary>
internal sealed class TelegramObjects(LocalBotApiServerOptions options, long botId, string salt, FileStore files)
{
    public long BotId { get; } = botId;

    public User Bot() => new()
    {
        Id = BotId,
        IsBot = true,
        FirstName = options.BotFirstName,
        Username = options.BotUsername,
    };

    public static User Person(SandboxChat chat) => new()
    {
        Id = chat.UserId,
        FirstName = chat.FirstName,
        LastName = chat.LastName,
        LanguageCode = "id",
    };

    public Message Message(SandboxChat chat, ChatMessage message) => new()
    {
        Id = checked((int)message.MessageId),
        From = message.Sender == ChatMessageSender.Bot ? Bot() : Person(chat),
        Chat = new Chat { Id = chat.UserId, Type = ChatType.Private, FirstName = chat.FirstName, LastName = chat.LastName },
        Date = message.Date.UtcDateTime,
        EditDate = message.EditDate?.UtcDateTime,
        Text = message.Text,
        Entities = message.Sender == ChatMessageSender.User ? CommandEntities(message.Text) : null,
        Document = message.Document is { } document ? Document(document) : null,
        Photo = message.Photo is { } photo ? [Photo(photo)] : null,
        Caption = message.Caption,
        Contact = message.Contact is { } contact ? Contact(contact) : null,
        ReplyMarkup = InlineKeyboard(message.InlineKeyboard),
    };

    public CallbackQuery CallbackQuery(string id, SandboxChat chat, ChatMessage message, string data) => new()
    {
        Id = id,
        From = Person(chat),
        Message = Message(chat, message),
        ChatInstance = "-" + (Math.Abs((long)HashCode.Combine(salt, chat.UserId)) + 1000).ToString(CultureInfo.InvariantCulture),
        Data = data,
    };

    public static TGFile File(ChatFile file) => new()
    {
        FileId = file.FileId,
        FileUniqueId = file.FileUniqueId,
        FileSize = file.FileSize,
        FilePath = file.FilePath,
    };

    /// <summary>The <c>reply_markup</c> Telegram echoes in a returned Message: only inline keyboards are echoed.</summary>
    private static InlineKeyboardMarkup? InlineKeyboard(IReadOnlyList<IReadOnlyList<ChatInlineButton>> keyboard) =>
        keyboard.Count == 0
            ? null
            : new InlineKeyboardMarkup(keyboard.Select(row => row.Select(button => new InlineKeyboardButton(button.Text)
            {
                CallbackData = button.CallbackData,
                Url = button.Url,
            })));

    private static Document Document(ChatFile file) => new()
    {
        FileId = file.FileId,
        FileUniqueId = file.FileUniqueId,
        FileSize = file.FileSize,
        FileName = file.FileName,
        MimeType = file.MimeType,
    };

    private PhotoSize Photo(ChatFile file)
    {
        var (width, height) = files.PhotoSize(file);
        return new PhotoSize { FileId = file.FileId, FileUniqueId = file.FileUniqueId, FileSize = file.FileSize, Width = width, Height = height };
    }

    private static Contact Contact(ChatContact contact) => new()
    {
        PhoneNumber = contact.PhoneNumber,
        FirstName = contact.FirstName,
        LastName = contact.LastName,
        UserId = contact.UserId,
    };

    /// <summary>A leading <c>/command</c> (with an optional <c>@botname</c>) is marked bot_command, as Telegram does.</summary>
    private static MessageEntity[]? CommandEntities(string? text)
    {
        if (text is null || text.Length < 2 || text[0] != '/' || !(char.IsAsciiLetterOrDigit(text[1]) || text[1] == '_'))
        {
            return null;
        }

        var end = 1;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '@'))
        {
            end++;
        }

        return [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end }];
    }
}
