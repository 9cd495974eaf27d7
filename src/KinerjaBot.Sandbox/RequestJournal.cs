using System.Diagnostics;
using System.Globalization;

namespace KinerjaBot.Sandbox;

/// <summary>Every request the bot made, bounded, with real-time stamps so tests can measure the bot's spacing and retries.</summary>
internal sealed class RequestJournal(int capacity) : SequencedLog<RecordedBotRequest>(capacity, r => r.Sequence, "bot request")
{
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startedAt);

    protected override string Describe(RecordedBotRequest request) =>
        $"{request.Sequence} {request.Method} chat={request.ChatId} -> {request.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "dropped"}";
}
