namespace KinerjaBot.Telegram;

/// <summary>
/// An incoming update (Bot API <c>Update</c>). At most one of the optional fields is set.
/// <see cref="UpdateId"/> increases monotonically, which makes it the key for applying an update at most once.
/// </summary>
public sealed record Update
{
    public required long UpdateId { get; init; }

    public Message? Message { get; init; }

    public Message? EditedMessage { get; init; }

    public CallbackQuery? CallbackQuery { get; init; }
}
