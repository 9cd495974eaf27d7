namespace KinerjaBot.Sandbox;

/// <summary>One request the bot made to the sandbox server, for tests to inspect.</summary>
public sealed record RecordedBotRequest
{
    /// <summary>Arrival order, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>The Bot API method as Telegram spells it (for example <c>sendMessage</c>), or the path segment if unknown.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// Real time since the server started when the request arrived. A Stopwatch, not the server's
    /// <see cref="TimeProvider"/>, because retry tests measure the bot's real waiting.
    /// </summary>
    public required TimeSpan ReceivedAt { get; init; }

    /// <summary>Real time since the server started when the answer was ready, just before it was written to the bot.</summary>
    public required TimeSpan CompletedAt { get; init; }

    /// <summary>The numeric <c>chat_id</c> parameter, if any.</summary>
    public long? ChatId { get; init; }

    /// <summary>Every parameter as text (JSON values as JSON, uploaded files as a short description).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>The HTTP status sent back, or null when the connection was closed without a response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The <c>description</c> of an error response.</summary>
    public string? ErrorDescription { get; init; }

    /// <summary>The injected fault applied to this request, if any.</summary>
    public BotApiFaultKind? Fault { get; init; }

    /// <summary>The parameter's text, or null.</summary>
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
}
