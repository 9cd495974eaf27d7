namespace KinerjaBot.WhatsApp;

public sealed record GraphParameter(string Type)
{
    public string? Text { get; init; }

    public string? Payload { get; init; }
}
