using KinerjaBot.WhatsApp;
using System.Globalization;
using KinerjaBot.Conversations;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.WhatsAppChannel;

/// <summary>
/// Turns a WhatsApp webhook message into the same <see cref="IncomingEvent"/> the Telegram path builds, so the
/// conversation kernel does not know which channel spoke. A stranger's message counts as sharing their own number
/// (their wa id is their number), so registration needs no contact button. Media are downloaded (media id → URL →
/// bytes with the token) outside any transaction, and only for a chat bound to an official.
/// </summary>
public sealed class WhatsAppMessageTranslator(GraphClient client, ConversationServices services, ILogger<WhatsAppMessageTranslator> logger)
{
    // The same ceiling as on Telegram, so evidence rules do not depend on the channel.
    private const long MaxDownloadBytes = 20 * 1024 * 1024;

    public async Task<IncomingEvent?> TranslateAsync(WebhookMessage message, string senderName, ChatBinding? binding, StoreTransaction read, CancellationToken cancellationToken)
    {
        var chatId = ChatAddress.FromWhatsAppId(message.From);
        var incoming = new IncomingEvent(chatId, chatId, senderName);
        switch (message.Type)
        {
            case "text":
                incoming = incoming with { Text = message.Text?.Body };
                break;
            case "interactive":
                var choice = message.Interactive?.ButtonReply ?? message.Interactive?.ListReply;
                if (choice?.Id is not { } action)
                {
                    return null;
                }

                // WhatsApp names the pressed message by its wamid; the kernel by a number that grows per chat: the
                // outbox row that carried this exact button, which the dispatcher recorded as the sent number.
                var pressed = await read.Outbox.DeliveredWithChoiceAsync(chatId, action, long.MaxValue, cancellationToken) ?? 0;
                incoming = incoming with { Callback = new IncomingCallback(action, pressed) };
                break;
            case "button":
                incoming = incoming with { Text = message.Button?.Payload == WhatsAppOutboxChannel.OpenConversationPayload ? null : message.Button?.Text };
                break;
            case "contacts":
                var shared = message.Contacts?.SelectMany(c => c.Phones ?? []).FirstOrDefault();
                if (shared?.Phone is { } phone)
                {
                    incoming = incoming with { Contact = new IncomingContact(phone, shared.WaId == message.From ? chatId : null) };
                }

                break;
            case "image" or "document":
                var media = message.Image ?? message.Document;
                incoming = incoming with { Text = media?.Caption };
                if (media?.Id is { } mediaId && binding is not null)
                {
                    incoming = await DownloadAsync(incoming, message, mediaId, media, cancellationToken);
                }

                break;
        }

        if (binding is null && incoming.Contact is null && incoming.Callback is null)
        {
            incoming = incoming with { Contact = new IncomingContact("+" + message.From, chatId) };
        }

        return incoming;
    }

    private async Task<IncomingEvent> DownloadAsync(IncomingEvent incoming, WebhookMessage message, string mediaId, WebhookMedia media, CancellationToken cancellationToken)
    {
        var isPhoto = message.Type == "image";
        var fileName = isPhoto ? $"foto-{SafeFileName(message.Id)}.jpg" : media.Filename ?? $"dokumen-{SafeFileName(message.Id)}";
        var folder = Path.Combine(Path.GetFullPath(services.DataDirectory), "evidence", incoming.ChatId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{SafeFileName(message.Id)}-{SafeFileName(fileName)}");
        if (!File.Exists(path))
        {
            var info = await client.GetMediaAsync(mediaId, cancellationToken);
            if (info.FileSize > MaxDownloadBytes)
            {
                return incoming with { AttachmentTooLarge = true };
            }

            var partial = path + ".part";
            try
            {
                await using (var destination = File.Create(partial))
                {
                    await client.DownloadMediaAsync(new Uri(info.Url), destination, MaxDownloadBytes, cancellationToken);
                }
            }
            catch (InvalidDataException)
            {
                File.Delete(partial);
                return incoming with { AttachmentTooLarge = true };
            }

            if (new FileInfo(partial).Length == 0)
            {
                File.Delete(partial);
                return incoming with { AttachmentEmpty = true };
            }

            File.Move(partial, path, overwrite: true);
            logger.LogDebug("Downloaded WhatsApp media {MediaId} to {Path}", mediaId, path);
        }

        return incoming with { Attachment = new IncomingAttachment(path, fileName, isPhoto) };
    }

    private static string SafeFileName(string name)
    {
        var cleaned = new string(Path.GetFileName(name).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return cleaned.Length > 80 ? cleaned[^80..] : cleaned;
    }
}
