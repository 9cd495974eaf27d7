namespace KinerjaBot.WhatsApp.Graph;

public sealed record GraphTemplate(string Name, GraphLanguage Language, IReadOnlyList<GraphComponent> Components);
