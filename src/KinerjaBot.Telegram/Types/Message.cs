using System.Text.Json.Serialization;

namespace KinerjaBot.Telegram;

/// <summary>A message (Bot API <c>Message</c>), only the fields the bot reads.</summary>
public sealed record Message
{
    public required long MessageId { get; init; }

    /// <summary>The sender; absent for messages sent to channels.</summary>
    public User? From { get; init; }

    public required Chat Chat { get; init; }

    /// <summary>Unix time in seconds. Zero when the message is no longer accessible (old callback messages).</summary>
    public required long Date { get; init; }

    public long? EditDate { get; init; }

    public string? Text { get; init; }

    public Contact? Contact { get; init; }

    public Document? Document { get; init; }

    /// <summary>Available sizes of a sent photo, smallest first.</summary>
    public IReadOnlyList<PhotoSize>? Photo { get; init; }

    public string? Caption { get; init; }

    /// <summary>Telegram only ever returns inline keyboards here.</summary>
    public InlineKeyboardMarkup? ReplyMarkup { get; init; }

    /// <summary><see cref="Date"/> as an instant.</summary>
    [JsonIgnore]
    public DateTimeOffset SentAt => DateTimeOffset.FromUnixTimeSeconds(Date);
}
