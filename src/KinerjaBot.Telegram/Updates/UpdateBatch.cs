using Telegram.Bot.Types;

namespace KinerjaBot.Telegram;

/// <summary>One getUpdates answer, read update by update.</summary>
/// <param name="Updates">The updates that could be read, in the order they came.</param>
/// <param name="Malformed">The entries that could not, to be logged and skipped.</param>
/// <param name="NextOffset">
/// The highest readable <c>update_id</c> of any entry, malformed ones included, plus one: confirming it moves past
/// the malformed ones too, so Telegram stops redelivering them. Null when no entry had a readable id.
/// </param>
public sealed record UpdateBatch(IReadOnlyList<Update> Updates, IReadOnlyList<MalformedUpdate> Malformed, long? NextOffset)
{
    /// <summary>An answer with nothing in it (the long poll ended empty).</summary>
    public static UpdateBatch Empty { get; } = new([], [], null);
}
