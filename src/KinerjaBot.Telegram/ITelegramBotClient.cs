namespace KinerjaBot.Telegram;

/// <summary>
/// The Bot API methods KinerjaBot calls. An interface so the host can fake Telegram with Moq in narrow tests.
/// Every method throws <see cref="TelegramApiException"/> when Telegram refuses and
/// <see cref="TelegramTransportException"/> when no usable answer arrives; cancellation via the token throws
/// <see cref="OperationCanceledException"/> as usual.
/// </summary>
public interface ITelegramBotClient
{
    /// <summary>getMe: the bot's own user; a cheap check that the token works.</summary>
    Task<User> GetMeAsync(CancellationToken cancellationToken = default);

    /// <summary>getUpdates: long polling.</summary>
    /// <param name="offset">The first update id to return; pass last seen <c>update_id + 1</c> to confirm earlier ones.</param>
    /// <param name="limit">1–100 updates.</param>
    /// <param name="timeout">Long-poll time in seconds; the request waits that long (plus a margin) for an update.</param>
    /// <param name="allowedUpdates">Update kinds to receive, e.g. <c>message</c>, <c>callback_query</c>.</param>
    /// <param name="cancellationToken">Stops the poll.</param>
    Task<IReadOnlyList<Update>> GetUpdatesAsync(
        long? offset = null,
        int? limit = null,
        int? timeout = null,
        IEnumerable<string>? allowedUpdates = null,
        CancellationToken cancellationToken = default);

    /// <summary>sendMessage. <paramref name="text"/> is 1–4096 characters; <see cref="TelegramOutbox"/> splits longer text.</summary>
    Task<Message> SendMessageAsync(
        long chatId,
        string text,
        ParseMode? parseMode = null,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default);

    /// <summary>editMessageText for a message the bot sent in <paramref name="chatId"/>.</summary>
    Task<Message> EditMessageTextAsync(
        long chatId,
        long messageId,
        string text,
        ParseMode? parseMode = null,
        InlineKeyboardMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default);

    /// <summary>editMessageReplyMarkup; a <c>null</c> markup removes the inline keyboard.</summary>
    Task<Message> EditMessageReplyMarkupAsync(
        long chatId,
        long messageId,
        InlineKeyboardMarkup? replyMarkup,
        CancellationToken cancellationToken = default);

    /// <summary>answerCallbackQuery: stops the button's spinner, optionally with a toast or an alert.</summary>
    Task AnswerCallbackQueryAsync(
        string callbackQueryId,
        string? text = null,
        bool? showAlert = null,
        CancellationToken cancellationToken = default);

    /// <summary>sendDocument as a multipart upload. The stream is read from its current position and left open.</summary>
    Task<Message> SendDocumentAsync(
        long chatId,
        Stream content,
        string fileName,
        string? caption = null,
        ParseMode? parseMode = null,
        ReplyMarkup? replyMarkup = null,
        CancellationToken cancellationToken = default);

    /// <summary>getFile: prepares a file for <see cref="DownloadFileAsync"/>.</summary>
    Task<TelegramFile> GetFileAsync(string fileId, CancellationToken cancellationToken = default);

    /// <summary>Copies <c>{ApiBaseUrl}/file/bot{token}/{filePath}</c> into <paramref name="destination"/>.</summary>
    Task DownloadFileAsync(string filePath, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>setMyCommands: the command menu, optionally for one language.</summary>
    Task SetMyCommandsAsync(
        IEnumerable<BotCommand> commands,
        string? languageCode = null,
        CancellationToken cancellationToken = default);

    /// <summary>deleteWebhook: required before getUpdates works if a webhook was ever set.</summary>
    Task DeleteWebhookAsync(bool? dropPendingUpdates = null, CancellationToken cancellationToken = default);
}
