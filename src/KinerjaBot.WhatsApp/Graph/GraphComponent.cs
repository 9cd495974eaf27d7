namespace KinerjaBot.WhatsApp;

/// <summary>A template component: <c>body</c> with text parameters, or <c>button</c> (<c>sub_type</c> quick_reply, its <c>index</c>, a payload parameter).</summary>
public sealed record GraphComponent(string Type, IReadOnlyList<GraphParameter> Parameters)
{
    public string? SubType { get; init; }

    public string? Index { get; init; }
}
