namespace KinerjaBot.Sandbox;

/// <summary>A button press waiting for <c>answerCallbackQuery</c>.</summary>
internal sealed class PendingCallbackQuery(string id, long userId, long messageId, string data)
{
    public string Id { get; } = id;

    public long UserId { get; } = userId;

    public long MessageId { get; } = messageId;

    public string Data { get; } = data;

    public bool Answered { get; set; }
}
