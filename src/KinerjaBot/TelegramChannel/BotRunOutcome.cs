namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Why a running bot stopped by itself (for example, Telegram rejected the token), so the command line can exit
/// non-zero and a service manager notices instead of seeing a clean stop.
/// </summary>
public sealed class BotRunOutcome
{
    private string? _failure;

    public string? Failure => Volatile.Read(ref _failure);

    public void Fail(string reason) => Interlocked.CompareExchange(ref _failure, reason, null);
}
