namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphErrorEnvelope(GraphError? Error);
