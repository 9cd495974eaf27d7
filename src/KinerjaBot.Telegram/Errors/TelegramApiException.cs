namespace KinerjaBot.Telegram;

/// <summary>
/// Telegram answered <c>ok: false</c>. The request reached Telegram and was refused; repeating it unchanged
/// only helps for <c>429</c> (after <see cref="RetryAfter"/>) and <c>5xx</c>.
/// </summary>
public sealed class TelegramApiException : TelegramException
{
    /// <summary>Creates the exception from the envelope's fields.</summary>
    public TelegramApiException(string method, int errorCode, string description, ResponseParameters? parameters = null)
        : base(method, $"Telegram {method} failed with {errorCode}: {description}", null)
    {
        ErrorCode = errorCode;
        Description = description;
        RetryAfter = parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        MigrateToChatId = parameters?.MigrateToChatId;
    }

    /// <summary>Telegram's <c>error_code</c>, which mirrors the HTTP status (400, 403, 429, …).</summary>
    public int ErrorCode { get; }

    /// <summary>Telegram's human-readable <c>description</c>, e.g. "Forbidden: bot was blocked by the user".</summary>
    public string Description { get; }

    /// <summary>From <c>parameters.retry_after</c>: flood control asks to wait this long before repeating.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>From <c>parameters.migrate_to_chat_id</c>: the group became a supergroup with this id.</summary>
    public long? MigrateToChatId { get; }

    /// <summary>403: the user blocked the bot, deleted their account, or the bot was removed from the chat.</summary>
    public bool IsChatUnreachable => ErrorCode == 403;
}
