namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphSendResponse(IReadOnlyList<GraphMessageId>? Messages);
