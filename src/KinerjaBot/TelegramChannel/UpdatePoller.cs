using KinerjaBot.Hosting;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Long polling (timeout 50 s, up to 100 updates). Updates of one chat are applied in order, different chats in
/// parallel; the offset is confirmed only after the whole batch is applied (see <see cref="TelegramUpdates.SetNextOffsetAsync"/>).
/// </summary>
public sealed class UpdatePoller(
    ITelegramBotClient client,
    KinerjaStore store,
    UpdateProcessor processor,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    BotRunOutcome outcome,
    ILogger<UpdatePoller> logger) : BackgroundService
{
    public const int PollTimeoutSeconds = 50;
    public const int BatchLimit = 100;

    private static readonly string[] AllowedUpdates = ["message", "callback_query"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var prepared = false;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Retried until it works: a webhook left over from webhook mode would make every poll fail with 409.
                prepared = prepared || await TryPrepareAsync(stoppingToken);
                await PollOnceAsync(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramApiException e) when (e.ErrorCode == 401)
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
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            offset = await transaction.Telegram.GetNextOffsetAsync(cancellationToken);
        }

        var updates = await client.GetUpdatesAsync(offset == 0 ? null : offset, BatchLimit, PollTimeoutSeconds, AllowedUpdates, cancellationToken);
        if (updates.Count == 0)
        {
            return 0;
        }

        await Task.WhenAll(updates.GroupBy(ChatOf).Select(async chat =>
        {
            foreach (var update in chat.OrderBy(u => u.UpdateId))
            {
                await processor.ProcessAsync(update, cancellationToken);
            }
        }));

        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            await transaction.Telegram.SetNextOffsetAsync(updates.Max(u => u.UpdateId) + 1, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return updates.Count;
    }

    private async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await client.GetMeAsync(cancellationToken);
            await client.DeleteWebhookAsync(cancellationToken: cancellationToken);
            await client.SetMyCommandsAsync(TelegramRenderer.Commands, cancellationToken: cancellationToken);
            logger.LogInformation("Connected to Telegram as @{Username}", me.Username);
            return true;
        }
        catch (TelegramException e) when (e is not TelegramApiException { ErrorCode: 401 } && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not set up the bot (webhook, command menu) yet ({Error}); polling anyway and trying again", e.Message);
            return false;
        }
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? update.UpdateId;
}
