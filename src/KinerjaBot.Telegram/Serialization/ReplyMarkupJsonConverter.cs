using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KinerjaBot.Telegram.Serialization;

/// <summary>
/// Writes a <see cref="ReplyMarkup"/> as the concrete kind's own object, with no discriminator, because
/// Telegram tells the kinds apart by their keys. Reads it back the same way (tests and fake servers use that).
/// </summary>
/// <remarks>
/// Used on properties, not on the <see cref="ReplyMarkup"/> type, so serializing a concrete kind directly never
/// re-enters this converter. Each kind goes through <c>options.GetTypeInfo</c>, so the source-generated contract
/// (snake_case, nulls omitted) is reused rather than duplicated here.
/// </remarks>
internal sealed class ReplyMarkupJsonConverter : JsonConverter<ReplyMarkup>
{
    public override ReplyMarkup? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("reply_markup must be a JSON object.");
        }

        if (root.TryGetProperty("inline_keyboard", out _))
        {
            return root.Deserialize(Info<InlineKeyboardMarkup>(options));
        }

        if (root.TryGetProperty("keyboard", out _))
        {
            return root.Deserialize(Info<ReplyKeyboardMarkup>(options));
        }

        if (root.TryGetProperty("remove_keyboard", out _))
        {
            return root.Deserialize(Info<ReplyKeyboardRemove>(options));
        }

        throw new JsonException("reply_markup has none of inline_keyboard, keyboard or remove_keyboard.");
    }

    public override void Write(Utf8JsonWriter writer, ReplyMarkup value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case InlineKeyboardMarkup inline:
                JsonSerializer.Serialize(writer, inline, Info<InlineKeyboardMarkup>(options));
                break;
            case ReplyKeyboardMarkup keyboard:
                JsonSerializer.Serialize(writer, keyboard, Info<ReplyKeyboardMarkup>(options));
                break;
            case ReplyKeyboardRemove remove:
                JsonSerializer.Serialize(writer, remove, Info<ReplyKeyboardRemove>(options));
                break;
            default:
                // Unreachable while the hierarchy stays closed; fail loudly if someone opens it.
                throw new NotSupportedException($"Unknown reply markup kind {value.GetType().Name}.");
        }
    }

    /// <summary>The markup as a JSON string, for multipart form fields (sendDocument).</summary>
    public static string ToJson(ReplyMarkup value, JsonSerializerOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new ReplyMarkupJsonConverter().Write(writer, value, options);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) =>
        (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
