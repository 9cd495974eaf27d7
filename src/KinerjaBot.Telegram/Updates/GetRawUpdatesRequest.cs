using System.Text.Json;
using Telegram.Bot.Requests;

namespace KinerjaBot.Telegram;

/// <summary>
/// getUpdates answered as raw JSON elements instead of <c>Update[]</c>: Telegram.Bot's own request deserialises
/// the whole batch at once, so one update it cannot read would fail every poll, and Telegram redelivers it
/// forever. <see cref="UpdateBatchReader"/> then reads each element on its own.
/// </summary>
public sealed class GetRawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    /// <summary>The first update id to return; the last seen <c>update_id + 1</c> confirms the earlier ones.</summary>
    public long? Offset { get; set; }

    /// <summary>1–100 updates.</summary>
    public int? Limit { get; set; }

    /// <summary>Long-poll time in seconds.</summary>
    public int? Timeout { get; set; }

    /// <summary>Update kinds to receive, e.g. <c>message</c>, <c>callback_query</c>.</summary>
    public IReadOnlyList<string>? AllowedUpdates { get; set; }
}
