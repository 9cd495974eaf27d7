using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.WhatsApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// Sends the outbox's WhatsApp rows through <see cref="WhatsAppSender"/>. Inside the 24-hour window a row goes as it
/// is; outside it, WhatsApp delivers only an approved template, so the row is held and one template (opening or
/// reminder) asks the official to press its button; that press is a message, which reopens the window and releases
/// everything held (<see cref="WhatsAppWebhookProcessor"/>).
/// </summary>
public sealed class WhatsAppOutboxChannel(
    WhatsAppSender sender,
    KinerjaStore store,
    IOptions<WhatsAppConnectionOptions> options,
    TimeProvider timeProvider,
    ILogger<WhatsAppOutboxChannel> logger) : IOutboxChannel
{
    /// <summary>The quick-reply payload of both templates; pressing it is what reopens the window.</summary>
    public const string OpenConversationPayload = "buka-percakapan";

    private const string HeldReason = "outside the 24-hour window; template sent";

    // Template parameters may hold no line breaks and WhatsApp shortens long ones badly; a line says enough.
    private const int SummaryLength = 60;

    public ChatChannel Channel => ChatChannel.WhatsApp;

    public async Task<OutboxDelivery> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        // WhatsApp cannot edit or strip a sent message's buttons; a press on an old one is refused by the version check.
        if (item.Operation == OutboxOperation.RemoveChoices || item.Message is null)
        {
            return OutboxDelivery.Sent(null);
        }

        if (!options.Value.Enabled)
        {
            // Rows queued while the channel was on wait for it to be configured again rather than being lost.
            return OutboxDelivery.RetryLater("WhatsApp is off (no WhatsApp:AccessToken)");
        }

        var to = ChatAddress.WhatsAppIdOf(item.ChatId);
        DateTimeOffset? lastInbound;
        bool templateWaiting;
        await using (var read = await store.ReadAsync(cancellationToken))
        {
            lastInbound = await read.WhatsApp.LastInboundAsync(item.ChatId, cancellationToken);
            templateWaiting = await read.WhatsApp.TemplateWaitingAsync(item.ChatId, cancellationToken);
        }

        try
        {
            if (lastInbound is null || timeProvider.GetUtcNow() - lastInbound >= options.Value.CustomerServiceWindow)
            {
                return await HoldWithTemplateAsync(item, to, templateWaiting, cancellationToken);
            }

            string? last = null;
            foreach (var part in WhatsAppRenderer.Render(item.Message, to))
            {
                last = await SendPartAsync(part, to, cancellationToken);
            }

            return OutboxDelivery.Sent(last);
        }
        catch (GraphApiException e) when (e.Code == GraphApiException.ReEngagementRequired)
        {
            // Our clock and WhatsApp's disagree about the window: WhatsApp's count wins.
            return await HoldWithTemplateAsync(item, to, templateWaiting: false, cancellationToken);
        }
        catch (GraphApiException e) when (e.IsTemporary)
        {
            return OutboxDelivery.RetryLater(e.Message);
        }
        catch (GraphApiException e)
        {
            return OutboxDelivery.GaveUp($"{e.Code} {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutboxDelivery.GaveUp($"unreadable file: {e.Message}");
        }
    }

    private async Task<OutboxDelivery> HoldWithTemplateAsync(OutboxItem item, string to, bool templateWaiting, CancellationToken cancellationToken)
    {
        if (!templateWaiting)
        {
            var templates = options.Value.Templates;
            var name = item.Message!.OpensPeriod ? templates.Opening : templates.Reminder;
            await sender.SendAsync(Template(to, name, templates.Language, Summary(item.Message)), cancellationToken);
            await using var transaction = await store.BeginAsync(CancellationToken.None);
            await transaction.WhatsApp.RecordTemplateSentAsync(item.ChatId, timeProvider.GetUtcNow(), CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            logger.LogInformation("Chat {ChatId} is outside the 24-hour window; sent template {Template} and holding its messages", item.ChatId, name);
        }

        return OutboxDelivery.HeldUntilChatWrites(HeldReason);
    }

    /// <summary>The template with the message's first line as its one body parameter and the quick reply that reopens the chat.</summary>
    public static GraphMessage Template(string to, string name, string language, string summary) =>
        new(to, "template")
        {
            Template = new GraphTemplate(name, new GraphLanguage(language),
            [
                new GraphComponent("body", [new GraphParameter("text") { Text = summary }]),
                new GraphComponent("button", [new GraphParameter("payload") { Payload = OpenConversationPayload }]) { SubType = "quick_reply", Index = "0" },
            ]),
        };

    private static string Summary(OutgoingMessage message)
    {
        // The salutation line ("Yth. Bapak …,") says nothing the template does not already say.
        var line = message.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .SkipWhile(l => l.StartsWith("Yth.", StringComparison.Ordinal) && l.EndsWith(',')).FirstOrDefault()
            ?? message.DocumentName
            ?? "pesan baru";
        return WhatsAppTitle.Shorten(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)), SummaryLength);
    }

    private async Task<string> SendPartAsync(WhatsAppPart part, string to, CancellationToken cancellationToken)
    {
        if (part.Message is { } message)
        {
            return await sender.SendAsync(message, cancellationToken);
        }

        var mediaId = await sender.UploadAsync(part.DocumentPath!, part.DocumentName!, MimeTypeOf(part.DocumentName!), cancellationToken);
        return await sender.SendAsync(new GraphMessage(to, "document") { Document = new GraphDocument(mediaId, part.DocumentName, part.Caption) }, cancellationToken);
    }

    private static string MimeTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => "application/pdf",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".csv" => "text/csv",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
