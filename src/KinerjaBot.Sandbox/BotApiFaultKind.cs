namespace KinerjaBot.Sandbox;

/// <summary>The kinds of failure the sandbox server can inject into the bot's next requests.</summary>
public enum BotApiFaultKind
{
    /// <summary>HTTP 429 with <c>parameters.retry_after</c>, as Telegram's flood control answers.</summary>
    TooManyRequests,

    /// <summary>HTTP 502 with an nginx HTML page, as Telegram's front end answers when the back end is down.</summary>
    ServerError,

    /// <summary>The connection is closed without a response and the request is not performed.</summary>
    DropConnection,

    /// <summary>The request is performed, then the connection is closed before the response: the bot cannot know it succeeded.</summary>
    DropResponse,
}
