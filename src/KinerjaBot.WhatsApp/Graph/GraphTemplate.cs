namespace KinerjaBot.WhatsApp;

public sealed record GraphTemplate(string Name, GraphLanguage Language, IReadOnlyList<GraphComponent> Components);
