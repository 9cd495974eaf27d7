namespace KinerjaBot.Sandbox;

/// <summary>
/// Telegram's sending limits, as the sandbox measures them (<see cref="LocalBotApiServerOptions.Limits"/>): per chat a
/// bucket of <see cref="PerChatBurst"/> refilled one per <see cref="PerChatRefill"/>, and bot-wide at most
/// <see cref="GlobalLimit"/> in any <see cref="GlobalWindow"/>. Counted are sendMessage, sendDocument,
/// editMessageText and editMessageReplyMarkup, at their arrival.
/// </summary>
public sealed record TelegramLimitsOptions
{
    /// <summary>
    /// Answer a request over a limit with Telegram's 429 (<c>retry_after</c> 1, the limit's scope blocked for that
    /// second) instead of serving it. Off, the request is served and only listed in
    /// <see cref="LocalBotApiServer.LimitViolations"/>; on, it is listed and refused, and so is a counted request that
    /// comes before a previous <c>retry_after</c> has passed.
    /// </summary>
    public bool Enforce { get; init; }

    /// <summary>Sends and edits a chat may take at once (Telegram: about 3).</summary>
    public int PerChatBurst { get; init; } = 3;

    /// <summary>How long a chat's bucket takes to regain one send (Telegram: about one message per second per chat).</summary>
    public TimeSpan PerChatRefill { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Sends and edits the bot may make across all chats within any <see cref="GlobalWindow"/> (Telegram: about 30 per second).</summary>
    public int GlobalLimit { get; init; } = 30;

    /// <summary>The sliding window <see cref="GlobalLimit"/> applies to.</summary>
    public TimeSpan GlobalWindow { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The clock the limits are measured on: real time by default (a bot paces itself in real time), a fake one in
    /// tests of the meter itself. Not <see cref="LocalBotApiServerOptions.TimeProvider"/>, which dates messages.
    /// </summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
