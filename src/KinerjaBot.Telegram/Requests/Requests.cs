// The request bodies are internal details of TelegramBotClient; keeping them together in one file is easier to
// compare against the Bot API reference than ten two-line files.
using System.Text.Json.Serialization;
using KinerjaBot.Telegram.Serialization;

namespace KinerjaBot.Telegram.Requests;

internal sealed record EmptyRequest;

internal sealed record GetUpdatesRequest(long? Offset, int? Limit, int? Timeout, IReadOnlyList<string>? AllowedUpdates);

internal sealed record SendMessageRequest(
    long ChatId,
    string Text,
    ParseMode? ParseMode,
    [property: JsonConverter(typeof(ReplyMarkupJsonConverter))] ReplyMarkup? ReplyMarkup);

internal sealed record EditMessageTextRequest(
    long ChatId,
    long MessageId,
    string Text,
    ParseMode? ParseMode,
    InlineKeyboardMarkup? ReplyMarkup);

internal sealed record EditMessageReplyMarkupRequest(long ChatId, long MessageId, InlineKeyboardMarkup? ReplyMarkup);

internal sealed record AnswerCallbackQueryRequest(string CallbackQueryId, string? Text, bool? ShowAlert);

internal sealed record GetFileRequest(string FileId);

internal sealed record SetMyCommandsRequest(IReadOnlyList<BotCommand> Commands, string? LanguageCode);

internal sealed record DeleteWebhookRequest(bool? DropPendingUpdates);
