namespace KinerjaBot.Telegram;

/// <summary>
/// A press on an inline keyboard button (Bot API <c>CallbackQuery</c>).
/// <see cref="Data"/> comes from the client and must never be trusted alone: check the presser and the state.
/// </summary>
public sealed record CallbackQuery
{
    /// <summary>Pass to answerCallbackQuery; Telegram clients show a spinner until it is answered.</summary>
    public required string Id { get; init; }

    public required User From { get; init; }

    /// <summary>The message with the button; absent for inline-mode messages, <c>date == 0</c> when inaccessible.</summary>
    public Message? Message { get; init; }

    public string? InlineMessageId { get; init; }

    public string? ChatInstance { get; init; }

    public string? Data { get; init; }
}
