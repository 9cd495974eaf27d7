using Telegram.Bot.Exceptions;

namespace KinerjaBot.Telegram;

/// <summary>
/// How the bot reads Telegram.Bot's two failure kinds. <see cref="ApiRequestException"/>: Telegram answered and
/// refused (<c>error_code</c> 400, 403, 429, 5xx…). A plain <see cref="RequestException"/>: no usable answer came
/// back (connection refused or reset, timeout, a proxy's HTML error page), so whether Telegram acted is unknown.
/// </summary>
public static class BotApiErrors
{
    /// <summary>No usable answer: network, timeout, or a body that is not the Bot API envelope.</summary>
    public static bool IsTransportFailure(Exception error) => error is RequestException and not ApiRequestException;

    /// <summary>Worth repeating unchanged later: a transport failure, flood control (429) or a Telegram server error (5xx).</summary>
    public static bool IsTemporary(Exception error) =>
        IsTransportFailure(error) || error is ApiRequestException { ErrorCode: 429 or >= 500 };

    /// <summary>403: the user blocked the bot, deleted their account, or the bot was removed from the chat.</summary>
    public static bool IsChatUnreachable(Exception error) => error is ApiRequestException { ErrorCode: 403 };

    /// <summary>401: Telegram does not know the token.</summary>
    public static bool IsTokenRejected(Exception error) => error is ApiRequestException { ErrorCode: 401 };

    /// <summary>From <c>parameters.retry_after</c>: how long flood control asks the bot to wait.</summary>
    public static TimeSpan? RetryAfter(ApiRequestException error) =>
        error.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
}
