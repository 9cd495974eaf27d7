namespace KinerjaBot.Telegram;

/// <summary>Rate limits and retry policy of <see cref="TelegramSender"/>; the defaults follow Telegram's bot FAQ.</summary>
public sealed class TelegramSenderOptions
{
    /// <summary>Minimum time between two sends to the same chat (Telegram: about one message per second per chat).</summary>
    public TimeSpan PerChatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Sends and edits a chat may get in a burst before <see cref="PerChatInterval"/> applies (Telegram: a bucket of
    /// about 3, refilled one per second).
    /// </summary>
    public int PerChatBurst { get; set; } = 3;

    /// <summary>
    /// Added to the wait for a chat's next token, for the bot's clock and Telegram's running at slightly different
    /// rates; without it a chat's bucket is met to the millisecond and a timer firing a little early draws a 429.
    /// </summary>
    public TimeSpan PerChatSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Added to <see cref="GlobalWindow"/> before a slot frees, for clock granularity between the bot and Telegram.
    /// </summary>
    public TimeSpan GlobalSafetyMargin { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Maximum sends and edits within any <see cref="GlobalWindow"/> across all chats (Telegram: about 30 per second).</summary>
    public int GlobalLimit { get; set; } = 30;

    /// <summary>The sliding window <see cref="GlobalLimit"/> applies to.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a background send (a reminder, a notice to another chat, a period's opening broadcast) may wait behind
    /// replies before it goes first anyway, so nobody starves. At 5 s the 200 opening prompts of a large office, once
    /// aged, went before the replies of the heads already filling (p99 6.8 s at 20 updates/s); at 30 s replies keep
    /// going first and the broadcast fills the rest of the window (bench/README.md, decisions/0021).
    /// </summary>
    public TimeSpan BackgroundAgingLimit { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per request, the first included, before a 429, 5xx or transport failure is given up.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the first retry after a 5xx or transport failure; doubles on every further retry.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the exponential backoff.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long after a press its answer (answerCallbackQuery) is still worth trying: Telegram stops accepting it
    /// after about 15 seconds and the spinner gives up by itself.
    /// </summary>
    public TimeSpan CallbackAnswerWindow { get; set; } = TimeSpan.FromSeconds(15);
}
