namespace KinerjaBot.Sandbox;

/// <summary>Which of Telegram's sending limits a request went over.</summary>
public enum LimitViolationKind
{
    /// <summary>The chat's bucket was empty: more than about one message per second to one chat.</summary>
    PerChat,

    /// <summary>The bot had already sent <see cref="TelegramLimitsOptions.GlobalLimit"/> in the last window.</summary>
    BotWide,

    /// <summary>Enforcing: the request came before the <c>retry_after</c> of an earlier 429 had passed.</summary>
    BeforeRetryAfter,
}
