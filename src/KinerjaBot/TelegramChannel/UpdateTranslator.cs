using KinerjaBot.Conversations;
using KinerjaBot.Telegram;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace KinerjaBot.TelegramChannel;

/// <summary>
/// Turns a Telegram update into an <see cref="IncomingEvent"/>. Photos and documents are downloaded into the data
/// directory first, outside any database transaction, because a download on weak signal can take seconds.
/// </summary>
public sealed class UpdateTranslator(ITelegramBotClient client, ConversationServices services, ILogger<UpdateTranslator> logger)
{
    // getFile refuses files over 20 MB; say so instead of failing later.
    private const long MaxDownloadBytes = 20 * 1024 * 1024;

    /// <summary>Whether <paramref name="update"/> carries a file that <see cref="TranslateAsync"/> would download.</summary>
    public static bool CarriesFile(Update update) => update.Message is { Photo.Length: > 0 } or { Document: not null };

    /// <param name="update">The update.</param>
    /// <param name="mayDownload">Whether files may be fetched: only for a chat bound to an official, so strangers cannot fill the disk.</param>
    /// <param name="cancellationToken">Stops a download.</param>
    public async Task<IncomingEvent?> TranslateAsync(Update update, bool mayDownload, CancellationToken cancellationToken)
    {
        // Groups and channels are not conversations with one official: an official sharing their contact in a group
        // would otherwise bind the whole group to their name.
        if ((update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat) is { Type: not ChatType.Private })
        {
            return null;
        }

        if (update.CallbackQuery is { From: { } presser } callback)
        {
            var chatId = callback.Message?.Chat.Id ?? presser.Id;
            return new IncomingEvent(chatId, presser.Id, presser.FirstName)
            {
                Callback = new IncomingCallback(callback.Data ?? string.Empty, callback.Message?.Id ?? 0),
            };
        }

        if (update.Message is not { From: { } sender } message)
        {
            return null;
        }

        var incoming = new IncomingEvent(message.Chat.Id, sender.Id, sender.FirstName)
        {
            Text = message.Text ?? message.Caption,
            Contact = message.Contact is { } contact ? new IncomingContact(contact.PhoneNumber, contact.UserId) : null,
        };

        var (fileId, fileName, size, isPhoto) = message switch
        {
            { Photo: { Length: > 0 } photos } => (photos.MaxBy(p => p.Width * p.Height)!.FileId, $"foto-{update.Id}.jpg", photos.Max(p => p.FileSize), true),
            { Document: { } document } => (document.FileId, document.FileName ?? $"dokumen-{update.Id}", document.FileSize, false),
            _ => (null, null, null, false),
        };
        if (fileId is null || !mayDownload)
        {
            return incoming;
        }

        if (size > MaxDownloadBytes)
        {
            return incoming with { AttachmentTooLarge = true };
        }

        // An empty file is not evidence of anything; Telegram states the size when it knows it.
        if (size == 0)
        {
            return incoming with { AttachmentEmpty = true };
        }

        var folder = Path.Combine(Path.GetFullPath(services.DataDirectory), "evidence", message.Chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{update.Id}-{SafeFileName(fileName!)}");
        if (!File.Exists(path))
        {
            // Downloaded beside the final name and moved, so a failed or retried download never leaves a truncated
            // file where a stored value could point.
            var file = await client.GetFile(fileId, cancellationToken);
            if (file.FilePath is null)
            {
                logger.LogWarning("Telegram gave no file path for file {FileId} of update {UpdateId}", fileId, update.Id);
                return incoming;
            }

            var partial = path + ".part";
            await using (var destination = File.Create(partial))
            {
                await client.DownloadFile(file.FilePath, destination, cancellationToken);
            }

            if (new FileInfo(partial).Length == 0)
            {
                File.Delete(partial);
                return incoming with { AttachmentEmpty = true };
            }

            File.Move(partial, path, overwrite: true);
        }

        return incoming with { Attachment = new IncomingAttachment(path, fileName!, isPhoto) };
    }

    private static string SafeFileName(string name)
    {
        var cleaned = new string(Path.GetFileName(name).Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return cleaned.Length > 80 ? cleaned[^80..] : cleaned;
    }
}
