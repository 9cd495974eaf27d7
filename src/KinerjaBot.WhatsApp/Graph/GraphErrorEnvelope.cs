namespace KinerjaBot.WhatsApp;

public sealed record GraphErrorEnvelope(GraphError? Error);
