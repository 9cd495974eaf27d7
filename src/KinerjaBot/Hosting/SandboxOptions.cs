namespace KinerjaBot.Hosting;

/// <summary>The <c>Sandbox</c> settings section: the local sandbox that runs when no Telegram bot token is set.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The default port: fixed, so the printed address can be bookmarked.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The port on 127.0.0.1 for the chat page and the local Bot API; 0 picks a free one.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>
    /// Where the sandbox keeps its database, evidence and PDFs. Its own folder by default, so trying the bot out
    /// never touches a real office's <c>data/</c>; an explicit <c>KinerjaBot:DataDirectory</c> is honoured.
    /// </summary>
    public string DataDirectory { get; set; } = "data-sandbox";
}
