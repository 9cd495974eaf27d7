namespace KinerjaBot.Sandbox;

/// <summary>A send or edit that went over Telegram's limits (<see cref="LocalBotApiServer.LimitViolations"/>).</summary>
/// <param name="ChatId">The request's <c>chat_id</c>, if it had a numeric one.</param>
/// <param name="Method">The Bot API method as Telegram spells it.</param>
/// <param name="At">When it arrived, on <see cref="TelegramLimitsOptions.Clock"/>.</param>
/// <param name="Kind">The limit it went over.</param>
/// <param name="Refused">Answered with 429 (<see cref="TelegramLimitsOptions.Enforce"/>) rather than served.</param>
public sealed record LimitViolation(long? ChatId, string Method, DateTimeOffset At, LimitViolationKind Kind, bool Refused)
{
    public override string ToString() =>
        $"{At:HH:mm:ss.fff} {Method} chat={ChatId} over the {Kind} limit{(Refused ? " (429)" : "")}";
}
