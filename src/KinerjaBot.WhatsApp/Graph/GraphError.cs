namespace KinerjaBot.WhatsApp;

public sealed record GraphError(string? Message, string? Type, int Code, GraphErrorData? ErrorData);
