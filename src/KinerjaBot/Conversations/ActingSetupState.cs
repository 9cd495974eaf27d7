using KinerjaBot.Configuration;

namespace KinerjaBot.Conversations;

/// <summary>
/// /wakil, one answer at a time: who is away, who stands in, Plt. or Plh., then the dates (typed), then the
/// confirmation. Each field is null until its question is answered.
/// </summary>
public sealed record ActingSetupState(string? ForId = null, string? ById = null, ActingKind? Kind = null, DateOnly? From = null, DateOnly? To = null) : ChatState
{
    public override ConversationMode Mode => ConversationMode.GuidedCommand;
}
