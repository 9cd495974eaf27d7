using KinerjaBot.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Reminders;

/// <summary>
/// Runs the reminder schedule: a pass at start-up and then every minute of <see cref="TimeProvider"/> time.
/// Reminder slots are whole minutes (07.00, or a deadline's own minute), so a minute's granularity never sends one
/// late by more than that; a fixed short pass also picks up stages that started since the last pass without every
/// conversation step having to notify the scheduler. Tests call <see cref="TickAsync"/> after moving the clock.
/// </summary>
public sealed class ReminderScheduler(ReminderEngine engine, ActingHandover handover, IOutboxSignal outbox, TimeProvider timeProvider, ILogger<ReminderScheduler> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>One pass at the clock's current time; what it queued is handed to the sender at once.</summary>
    public async Task<ReminderTickResult> TickAsync(CancellationToken cancellationToken)
    {
        var result = await engine.TickAsync(timeProvider.GetUtcNow(), cancellationToken);

        // A Plt. / Plh. range that starts today is announced on the same pass (see ActingHandover).
        if (result.Total + await handover.TickAsync(cancellationToken) > 0)
        {
            outbox.Wake();
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A broken pass must not end reminders for good; the next pass recomputes everything from the store.
                logger.LogError(e, "Reminder pass failed; retrying in {Interval}", Interval);
            }

            try
            {
                await Task.Delay(Interval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
