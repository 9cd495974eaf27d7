namespace KinerjaBot.WhatsApp;

public sealed record GraphSendResponse(IReadOnlyList<GraphMessageId>? Messages);
