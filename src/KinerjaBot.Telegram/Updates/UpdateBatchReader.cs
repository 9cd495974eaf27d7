using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KinerjaBot.Telegram;

/// <summary>
/// Reads a getUpdates answer one element at a time with Telegram.Bot's own JSON settings, so an entry it cannot
/// read (not an object, a wrong type, an invalid escape, a message without its chat) is reported instead of
/// failing the whole batch.
/// </summary>
public static class UpdateBatchReader
{
    /// <summary>Reads every element; never throws for malformed content.</summary>
    public static UpdateBatch Read(IReadOnlyList<JsonElement> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.Count == 0)
        {
            return UpdateBatch.Empty;
        }

        var updates = new List<Update>(elements.Count);
        var malformed = new List<MalformedUpdate>();
        long? highestId = null;
        foreach (var element in elements)
        {
            var id = ReadableId(element);
            if (id is { } known && (highestId is null || known > highestId))
            {
                highestId = known;
            }

            if (id is null)
            {
                malformed.Add(new MalformedUpdate(null, element.ValueKind == JsonValueKind.Object
                    ? "it has no numeric update_id"
                    : $"it is {element.ValueKind}, not an object"));
                continue;
            }

            if (TryRead(element, out var update, out var reason))
            {
                updates.Add(update);
            }
            else
            {
                malformed.Add(new MalformedUpdate(id, reason));
            }
        }

        return new UpdateBatch(updates, malformed, highestId + 1);
    }

    private static long? ReadableId(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("update_id", out var id)
        && id.ValueKind == JsonValueKind.Number
        && id.TryGetInt64(out var value)
            ? value
            : null;

    private static bool TryRead(JsonElement element, out Update update, out string reason)
    {
        update = null!;
        try
        {
            update = element.Deserialize<Update>(BotApiJson.Options)!;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException or ArgumentException)
        {
            // InvalidOperationException: an escape such as a lone "\ud800" is valid JSON syntax but no string.
            reason = e.Message;
            return false;
        }

        reason = MissingRequiredField(update) ?? "";
        return reason.Length == 0;
    }

    /// <summary>
    /// Telegram.Bot leaves absent required fields null or zero instead of failing; the bot relies on these, so an
    /// update without them is as unreadable as one with a wrong type.
    /// </summary>
    private static string? MissingRequiredField(Update update)
    {
        if (update.Message is { } message && MissingInMessage(message, "message") is { } inMessage)
        {
            return inMessage;
        }

        if (update.CallbackQuery is { } callback)
        {
            if (string.IsNullOrEmpty(callback.Id))
            {
                return "callback_query has no id";
            }

            if (callback.From is null || callback.From.FirstName is null)
            {
                return "callback_query has no from.first_name";
            }

            if (callback.Message is { } pressed && pressed.Chat is null)
            {
                return "callback_query.message has no chat";
            }
        }

        return null;
    }

    private static string? MissingInMessage(Message message, string field) => message switch
    {
        { Chat: null } => $"{field} has no chat",
        { Date.Ticks: 0 } => $"{field} has no date",
        { From: { FirstName: null } } => $"{field}.from has no first_name",
        _ => null,
    };
}
