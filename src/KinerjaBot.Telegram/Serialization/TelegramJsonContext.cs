using System.Text.Json.Serialization;
using KinerjaBot.Telegram.Requests;

namespace KinerjaBot.Telegram.Serialization;

/// <summary>
/// Source-generated JSON contracts for the Bot API: snake_case names, nulls omitted when writing (Telegram treats
/// an explicit null differently from an absent optional field for some parameters), no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ApiResponse))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(User))]
[JsonSerializable(typeof(Update))]
[JsonSerializable(typeof(IReadOnlyList<Update>))]
[JsonSerializable(typeof(Message))]
[JsonSerializable(typeof(TelegramFile))]
[JsonSerializable(typeof(InlineKeyboardMarkup))]
[JsonSerializable(typeof(ReplyKeyboardMarkup))]
[JsonSerializable(typeof(ReplyKeyboardRemove))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(GetUpdatesRequest))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(EditMessageTextRequest))]
[JsonSerializable(typeof(EditMessageReplyMarkupRequest))]
[JsonSerializable(typeof(AnswerCallbackQueryRequest))]
[JsonSerializable(typeof(GetFileRequest))]
[JsonSerializable(typeof(SetMyCommandsRequest))]
[JsonSerializable(typeof(DeleteWebhookRequest))]
internal sealed partial class TelegramJsonContext : JsonSerializerContext;
