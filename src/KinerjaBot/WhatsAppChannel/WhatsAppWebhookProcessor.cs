using System.Globalization;
using System.Net;
using System.Text.Json;
using KinerjaBot.Conversations;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.WhatsApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// Applies one webhook POST: the signature is checked over the raw body before anything is read (wrong or missing →
/// 401, nothing stored); each message is applied at most once (its wamid commits with its effects and replies, as an
/// update id does on Telegram); statuses are recorded on the outbox row they name. Answers 500 when something was
/// not committed, so Meta delivers the POST again.
/// </summary>
public sealed class WhatsAppWebhookProcessor(
    KinerjaStore store,
    WhatsAppMessageTranslator translator,
    ConversationRouter router,
    IOutboxSignal outbox,
    IOptions<WhatsAppConnectionOptions> options,
    TimeProvider timeProvider,
    ILogger<WhatsAppWebhookProcessor> logger)
{
    // A chat's messages are applied one at a time, as on Telegram.
    private readonly SemaphoreSlim[] _lanes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<HttpStatusCode> ProcessAsync(byte[] body, string? signature, CancellationToken cancellationToken)
    {
        if (!WebhookSignature.IsValid(body, signature, options.Value.AppSecret ?? string.Empty))
        {
            logger.LogWarning("Refused a WhatsApp webhook: the {Header} header is missing or does not match the body (not Meta, or WhatsApp:AppSecret is wrong)", WebhookSignature.HeaderName);
            return HttpStatusCode.Unauthorized;
        }

        WebhookPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<WebhookPayload>(body, GraphJson.Options);
        }
        catch (JsonException e)
        {
            // Signed but unreadable: a redelivery would be just as unreadable.
            logger.LogError("Skipping a signed WhatsApp webhook whose body cannot be read ({Reason})", e.Message);
            return HttpStatusCode.OK;
        }

        try
        {
            foreach (var value in payload?.Entry?.SelectMany(e => e.Changes ?? []).Where(c => c.Field == "messages").Select(c => c.Value) ?? [])
            {
                if (value is null)
                {
                    continue;
                }

                await RecordStatusesAsync(value.Statuses ?? [], cancellationToken);
                foreach (var message in value.Messages ?? [])
                {
                    if (!ChatAddress.IsWhatsAppId(message.From))
                    {
                        logger.LogWarning("Skipping WhatsApp message {MessageId}: sender '{From}' is not a wa id", message.Id, message.From);
                        continue;
                    }

                    var name = value.Contacts?.FirstOrDefault(c => c.WaId == message.From)?.Profile?.Name ?? message.From;
                    var lane = _lanes[(int)(ulong.Parse(message.From, CultureInfo.InvariantCulture) % (ulong)_lanes.Length)];
                    await lane.WaitAsync(cancellationToken);
                    try
                    {
                        await ApplyAsync(message, name, cancellationToken);
                    }
                    finally
                    {
                        lane.Release();
                    }
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A WhatsApp webhook was not applied ({Error}); Meta will deliver it again", e.Message);
            return HttpStatusCode.InternalServerError;
        }
        finally
        {
            outbox.Wake();
        }

        return HttpStatusCode.OK;
    }

    private async Task ApplyAsync(WebhookMessage message, string senderName, CancellationToken cancellationToken)
    {
        var chatId = ChatAddress.FromWhatsAppId(message.From);
        IncomingEvent? incoming;
        await using (var read = await store.ReadAsync(cancellationToken))
        {
            if (await read.WhatsApp.IsProcessedAsync(message.Id, cancellationToken))
            {
                logger.LogInformation("WhatsApp message {MessageId} was already applied; skipping the redelivery", message.Id);
                return;
            }

            var binding = await read.Chats.FindByChatAsync(chatId, cancellationToken);
            incoming = await translator.TranslateAsync(message, senderName, binding, read, cancellationToken);
        }

        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.WhatsApp.IsProcessedAsync(message.Id, cancellationToken))
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var sentAt = long.TryParse(message.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : now;

        // Any message reopens the 24-hour window, and what waited for it goes out now.
        await transaction.WhatsApp.RecordInboundAsync(chatId, sentAt < now ? sentAt : now, cancellationToken);
        await transaction.Outbox.RequeueUnreachableAsync(chatId, cancellationToken);
        transaction.Outbox.ReplyChatId = chatId;
        if (incoming is { } e && (e.Text is not null || e.Contact is not null || e.Attachment is not null || e.Callback is not null || e.AttachmentTooLarge || e.AttachmentEmpty))
        {
            var notice = await router.HandleAsync(e, transaction, now, cancellationToken);

            // On Telegram a press's notice is the toast over the chat; WhatsApp has none, so a press answered by
            // nothing else (a stale or refused button) gets its notice as a message, or the official hears nothing.
            if (e.Callback is not null && notice is not null && transaction.Outbox.RepliesQueued == 0)
            {
                await transaction.Outbox.EnqueueAsync(chatId, OutgoingMessage.Plain(notice), now, cancellationToken);
            }
        }

        await transaction.WhatsApp.MarkProcessedAsync(message.Id, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task RecordStatusesAsync(IReadOnlyList<WebhookStatus> statuses, CancellationToken cancellationToken)
    {
        if (statuses.Count == 0)
        {
            return;
        }

        await using var transaction = await store.BeginAsync(cancellationToken);
        foreach (var status in statuses)
        {
            if (status.Id is null || status.Status is not ("sent" or "delivered" or "read" or "failed"))
            {
                continue;
            }

            var error = status.Errors is [var first, ..] ? $"{first.Code} {first.Title}" : null;
            if (status.Status == "failed")
            {
                logger.LogWarning("WhatsApp reports message {MessageId} to {Recipient} failed: {Error}", status.Id, status.RecipientId, error);
            }

            // The real Cloud API accepts a message outside the 24-hour window and fails it afterwards: the row goes back
            // to the queue, where it is held behind a template like any other message outside the window.
            if (status.Status == "failed" && status.Errors?.Any(e => e.Code == GraphApiException.ReEngagementRequired) == true)
            {
                if (await transaction.Outbox.ReturnToQueueAsync(status.Id, cancellationToken) is not { } chatId)
                {
                    // The failure can overtake the dispatcher's record of the send; answering 500 makes Meta deliver
                    // it again, by when the row knows its wamid. Nothing of this POST is committed twice.
                    throw new InvalidOperationException($"WhatsApp reported message {status.Id} failed before its send was recorded");
                }

                await transaction.WhatsApp.RecordWindowClosedAsync(chatId, cancellationToken);
                continue;
            }

            await transaction.Outbox.RecordDeliveryStatusAsync(status.Id, status.Status, error, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
