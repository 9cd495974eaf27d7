using System.Text;
using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox;

/// <summary>
/// A parsed <c>reply_markup</c>: exactly one of an inline keyboard, a reply keyboard, a removal or a force-reply.
/// Parsing validates like Telegram (for example <c>callback_data</c> of 1–64 bytes) so tests catch what Telegram rejects.
/// It reads the JSON itself rather than through Telegram.Bot's markup types: those accept or throw without saying
/// why, and the bot must see Telegram's own error descriptions.
/// </summary>
internal sealed record ReplyMarkup
{
    public static readonly ReplyMarkup None = new();

    public IReadOnlyList<IReadOnlyList<ChatInlineButton>> InlineKeyboard { get; private init; } = [];

    public ChatReplyKeyboard? ReplyKeyboard { get; private init; }

    public bool RemoveKeyboard { get; private init; }

    public bool IsInline => InlineKeyboard.Count > 0;

    public static ReplyMarkup Parse(JsonNode? node)
    {
        if (node is null)
        {
            return None;
        }

        if (node is not JsonObject markup)
        {
            throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
        }

        if (markup["inline_keyboard"] is { } inline)
        {
            return new ReplyMarkup { InlineKeyboard = Rows(inline, ParseInlineButton, "inline keyboard") };
        }

        if (markup["keyboard"] is { } keyboard)
        {
            var rows = Rows(keyboard, ParseReplyButton, "keyboard");
            return new ReplyMarkup
            {
                ReplyKeyboard = new ChatReplyKeyboard(
                    rows,
                    Flag(markup, "one_time_keyboard"),
                    Flag(markup, "resize_keyboard"),
                    markup["input_field_placeholder"]?.GetValue<string>()),
            };
        }

        if (Flag(markup, "remove_keyboard"))
        {
            return new ReplyMarkup { RemoveKeyboard = true };
        }

        if (Flag(markup, "force_reply"))
        {
            return None;
        }

        throw BotApiException.BadRequest("can't parse reply keyboard markup JSON object");
    }

    /// <summary>The request's <c>reply_markup</c>, if any.</summary>
    public static ReplyMarkup Read(BotApiParameters parameters) =>
        Parse(parameters.Json("reply_markup", "can't parse reply keyboard markup JSON object"));

    /// <summary>The <c>reply_markup</c> of an edit, which only an inline keyboard may be.</summary>
    public static ReplyMarkup ReadInline(BotApiParameters parameters)
    {
        var markup = Read(parameters);
        return markup.ReplyKeyboard is null && !markup.RemoveKeyboard
            ? markup
            : throw BotApiException.BadRequest("inline keyboard expected");
    }

    /// <summary>Keyboards compare by content, which is what "message is not modified" is about.</summary>
    public static bool SameKeyboard(IReadOnlyList<IReadOnlyList<ChatInlineButton>> a, IReadOnlyList<IReadOnlyList<ChatInlineButton>> b) =>
        a.Count == b.Count && a.Zip(b).All(rows => rows.First.SequenceEqual(rows.Second));

    private static IReadOnlyList<IReadOnlyList<T>> Rows<T>(JsonNode node, Func<JsonNode?, T> parseButton, string what)
    {
        if (node is not JsonArray rows || rows.Any(row => row is not JsonArray))
        {
            throw BotApiException.BadRequest($"can't parse reply keyboard markup JSON object: field \"{what}\" must be an Array of Arrays");
        }

        return rows.Select(row => (IReadOnlyList<T>)row!.AsArray().Select(parseButton).ToList()).ToList();
    }

    private static ChatInlineButton ParseInlineButton(JsonNode? node)
    {
        if (node is not JsonObject button)
        {
            throw BotApiException.BadRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
        }

        var text = Text(button["text"]);
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiException.BadRequest("can't parse inline keyboard button: Text must be non-empty");
        }

        var callbackData = button["callback_data"] is { } data ? Text(data) ?? string.Empty : null;
        var url = button["url"] is { } link ? Text(link) : null;
        if (callbackData is null && url is null)
        {
            throw BotApiException.BadRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
        }

        if (callbackData is not null && Encoding.UTF8.GetByteCount(callbackData) is < 1 or > 64)
        {
            throw BotApiException.BadRequest("BUTTON_DATA_INVALID");
        }

        return new ChatInlineButton(text, callbackData, url);
    }

    private static ChatReplyButton ParseReplyButton(JsonNode? node)
    {
        // A reply keyboard button may be a bare string or a KeyboardButton object.
        if (node is JsonValue value && Text(value) is { } label)
        {
            return new ChatReplyButton(label, false);
        }

        if (node is JsonObject button && Text(button["text"]) is { Length: > 0 } text)
        {
            return new ChatReplyButton(text, Flag(button, "request_contact"));
        }

        throw BotApiException.BadRequest("can't parse keyboard button: Text must be non-empty");
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Flag(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}
