namespace KinerjaBot.Messaging;

/// <summary>A button under a message. <see cref="Action"/> comes back when pressed (≤ 64 bytes, see <see cref="Actions.CallbackAction"/>).</summary>
public sealed record Choice(string Label, string Action);
