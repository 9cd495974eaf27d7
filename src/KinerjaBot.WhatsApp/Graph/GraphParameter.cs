namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphParameter(string Type)
{
    public string? Text { get; init; }

    public string? Payload { get; init; }
}
