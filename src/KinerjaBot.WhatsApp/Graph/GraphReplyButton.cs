namespace KinerjaBot.WhatsApp;

public sealed record GraphReplyButton(GraphReply Reply)
{
    public string Type { get; init; } = "reply";
}
