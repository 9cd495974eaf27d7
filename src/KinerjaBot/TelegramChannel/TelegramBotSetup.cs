using KinerjaBot.Telegram;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Tells Telegram how this bot receives updates (removes a webhook for polling, sets it with its secret for webhook
/// mode) and sets the command menu. Both receivers call it until it works.
/// </summary>
public sealed class TelegramBotSetup(ITelegramBotClient client, IOptions<TelegramUpdateOptions> updateOptions, ILogger<TelegramBotSetup> logger)
{
    /// <summary>The update kinds the bot handles; Telegram drops the others before they cost anything.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <returns>True once Telegram accepted everything; false after a failure worth retrying (logged).</returns>
    /// <exception cref="ApiRequestException">401: Telegram rejected the token; nothing will ever work.</exception>
    public async Task<bool> TryPrepareAsync(CancellationToken cancellationToken)
    {
        var options = updateOptions.Value;
        try
        {
            var me = await client.GetMe(cancellationToken);
            if (options.IsWebhook)
            {
                // drop_pending_updates stays false: updates that arrived while no instance ran must still be applied.
                await client.SetWebhook(
                    options.WebhookUrl,
                    maxConnections: options.WebhookMaxConnections,
                    allowedUpdates: AllowedUpdates,
                    dropPendingUpdates: false,
                    secretToken: options.WebhookSecret,
                    cancellationToken: cancellationToken);
            }
            else
            {
                await client.DeleteWebhook(cancellationToken: cancellationToken);
            }

            await client.SetMyCommands(TelegramRenderer.Commands, cancellationToken: cancellationToken);
            logger.LogInformation(
                options.IsWebhook ? "Connected to Telegram as @{Username}; updates come to the webhook" : "Connected to Telegram as @{Username}; polling for updates",
                me.Username);
            return true;
        }
        catch (RequestException e) when (!BotApiErrors.IsTokenRejected(e) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Could not set up the bot (webhook, command menu) yet ({Error}); trying again", e.Message);
            return false;
        }
    }
}
