namespace KinerjaBot.WhatsApp;

/// <summary>Reply buttons (<see cref="Buttons"/>), or a list: its opening button's label and its sections.</summary>
public sealed record GraphAction
{
    public IReadOnlyList<GraphReplyButton>? Buttons { get; init; }

    public string? Button { get; init; }

    public IReadOnlyList<GraphSection>? Sections { get; init; }
}
