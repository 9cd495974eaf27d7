namespace KinerjaBot.Sandbox;

/// <summary>
/// Turns on the sandbox's chat web page (<c>/</c> and <c>/chat/{key}</c>), where a person plays any listed user in a
/// browser. Only the headings come from here; who can be played is listed with <see cref="LocalBotApiServer.ListOnChatPage"/>,
/// so the server itself stays free of any office knowledge.
/// </summary>
public sealed record ChatPageOptions
{
    /// <summary>The heading of the list page, for example the office's name.</summary>
    public required string Title { get; init; }

    /// <summary>A line under the heading, if any.</summary>
    public string? Subtitle { get; init; }

    /// <summary>How long one long poll of the page waits for a change before answering "nothing new".</summary>
    public TimeSpan LongPollTimeout { get; init; } = TimeSpan.FromSeconds(25);
}
