namespace KinerjaBot.Conversations;

/// <summary>A button press on bot message <see cref="MessageId"/>.</summary>
public sealed record IncomingCallback(string Data, long MessageId);
