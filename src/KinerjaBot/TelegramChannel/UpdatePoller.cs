using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Long polling (timeout 50 s, up to 100 updates). Updates of one chat are applied in order, different chats in
/// parallel; the offset is confirmed only after the whole batch is applied (see <see cref="TelegramUpdates.SetNextOffsetAsync"/>),
/// committed, that is: the presses' answers go on without holding the next poll (<see cref="UpdateProcessor.ApplyAsync"/>).
/// Each update of a batch is read on its own (<see cref="UpdateBatchReader"/>): one the bot cannot read is logged
/// and skipped, and the offset moves past it, instead of failing every poll while Telegram redelivers it.
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient client,
    TelegramBotSetup setup,
    IOptions<TelegramUpdateOptions> updateOptions,
    KinerjaStore store,
    UpdateProcessor processor,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    BotRunOutcome outcome,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    public const int PollTimeoutSeconds = 50;
    public const int BatchLimit = 100;

    // The Bot API names of TelegramBotSetup.AllowedUpdates (the raw request takes them as text).
    private static readonly string[] AllowedUpdates = ["message", "callback_query"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (updateOptions.Value.IsWebhook)
        {
            // Telegram refuses getUpdates while a webhook is set; WebhookReceiver takes the updates instead.
            return;
        }

        var prepared = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Retried until it works: a webhook left over from webhook mode would make every poll fail with 409.
                prepared = prepared || await setup.TryPrepareAsync(stoppingToken);
                await PollOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException e) when (BotApiErrors.IsTokenRejected(e))
            {
                // Nothing can work without a valid token: stop the whole process, non-zero, so it gets noticed.
                const string reason = "Telegram rejected the bot token (401 Unauthorized). Set a valid token from @BotFather in Telegram__BotToken and restart.";
                logger.LogCritical(reason);
                outcome.Fail(reason);
                lifetime.StopApplication();
                return;
            }
            catch (Exception e)
            {
                // Weak links and Telegram hiccups: back off up to a minute, never give up.
                failures++;
                var pause = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning("Polling Telegram failed ({Error}); retrying in {Pause}", e.Message, pause);
                await Task.Delay(pause, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Fetches one batch and applies it; public so tests can drive polling step by step.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        long offset;
        await using (var transaction = await store.ReadAsync(cancellationToken))
        {
            offset = await transaction.Telegram.GetNextOffsetAsync(cancellationToken);
        }

        var answer = await client.SendRequest(
            new GetRawUpdatesRequest
            {
                Offset = offset == 0 ? null : offset,
                Limit = BatchLimit,
                Timeout = PollTimeoutSeconds,
                AllowedUpdates = AllowedUpdates,
            },
            cancellationToken);
        var receivedAt = timeProvider.GetUtcNow();
        var batch = UpdateBatchReader.Read(answer);
        foreach (var malformed in batch.Malformed)
        {
            logger.LogError(
                "Skipping update {UpdateId} from Telegram: it cannot be read ({Reason})",
                malformed.UpdateId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "without a readable update_id",
                malformed.Reason);
        }

        if (batch.NextOffset is not { } nextOffset)
        {
            // Only entries without any readable update_id cannot be confirmed, so Telegram would hand them out again
            // at once: fail the poll so the loop backs off instead of spinning on them.
            return batch.Malformed.Count == 0
                ? 0
                : throw new InvalidDataException($"getUpdates answered {batch.Malformed.Count} entries and none has a readable update_id.");
        }

        var updates = batch.Updates;
        await Task.WhenAll(updates.GroupBy(UpdateChat.Of).Select(async chat =>
        {
            foreach (var update in chat.OrderBy(u => u.Id))
            {
                // Only the commit is waited for: a press's answer on a slow link must not hold the next batch.
                _ = await processor.ApplyAsync(update, receivedAt, cancellationToken);
            }
        }));

        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            await transaction.Telegram.SetNextOffsetAsync(nextOffset, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return updates.Count;
    }
}
