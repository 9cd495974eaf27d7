namespace KinerjaBot.Sandbox;

/// <summary>The getUpdates long poll in progress; a newer one supersedes it with 409, as Telegram does.</summary>
internal sealed class ActivePoll(CancellationTokenSource cancellation)
{
    public CancellationTokenSource Cancellation { get; } = cancellation;

    public bool Superseded { get; set; }
}
