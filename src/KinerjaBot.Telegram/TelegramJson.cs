using System.Text.Json;

namespace KinerjaBot.Telegram;

/// <summary>
/// The Bot API's JSON for callers outside the client: a webhook endpoint reading an <see cref="Update"/>, and fake
/// Bot API servers in tests writing updates and reading the keyboards the bot sent. Same source-generated
/// contracts as the client, so the shapes cannot drift apart.
/// </summary>
public static class TelegramJson
{
    /// <summary>Reads one update (a webhook request body).</summary>
    /// <exception cref="JsonException">The JSON is not an update.</exception>
    public static Update DeserializeUpdate(string json) =>
        JsonSerializer.Deserialize(json, Serialization.TelegramJsonContext.Default.Update)
        ?? throw new JsonException("The update is null.");

    /// <summary>Writes an update as Telegram would send it (snake_case, absent fields left out).</summary>
    public static string Serialize(Update update) =>
        JsonSerializer.Serialize(update, Serialization.TelegramJsonContext.Default.Update);

    /// <summary>Writes a message as Telegram would return it.</summary>
    public static string Serialize(Message message) =>
        JsonSerializer.Serialize(message, Serialization.TelegramJsonContext.Default.Message);

    /// <summary>Reads a <c>reply_markup</c> object back into its kind.</summary>
    /// <exception cref="JsonException">The JSON is none of the three kinds.</exception>
    public static ReplyMarkup DeserializeReplyMarkup(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return new Serialization.ReplyMarkupJsonConverter().Read(ref reader, typeof(ReplyMarkup), Serialization.TelegramJsonContext.Default.Options)
            ?? throw new JsonException("The reply markup is null.");
    }
}
