using KinerjaBot.Messaging;

namespace KinerjaBot.Reminders;

/// <summary>A reminder or digest ready to queue: its text and the buttons that continue the work.</summary>
public sealed record ReminderMessage(MessageText Text, IReadOnlyList<IReadOnlyList<Choice>> Choices)
{
    public OutgoingMessage ToOutgoing() => new() { Text = Text.Spans, Choices = Choices };
}
