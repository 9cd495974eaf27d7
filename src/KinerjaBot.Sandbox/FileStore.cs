using System.Globalization;
using Microsoft.AspNetCore.StaticFiles;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The files Telegram would keep: the bot's uploads and the users' photos and documents, found by file_id (getFile,
/// re-sending) or by path (the download URL). Its lock is the innermost one: it never calls another component.
/// </summary>
internal sealed class FileStore
{
    private readonly Lock _gate = new();
    private readonly string _salt;
    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly Dictionary<string, StoredFile> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _byPath = new(StringComparer.Ordinal);
    private long _nextNumber = 1;

    public FileStore(string salt) => _salt = salt;

    public ChatFile StorePhoto(byte[] bytes) => Store(bytes, "photos", null, null);

    public ChatFile StoreDocument(byte[] bytes, string fileName, string mimeType) => Store(bytes, "documents", fileName, mimeType);

    /// <summary>
    /// A bot upload. Telegram.Bot sends every part as application/octet-stream, so the name's extension decides
    /// the type, as Telegram's own detection does for PDFs.
    /// </summary>
    public ChatFile StoreUpload(UploadedFile upload)
    {
        var mimeType = _contentTypes.TryGetContentType(upload.FileName, out var byExtension)
            ? byExtension
            : upload.ContentType ?? "application/octet-stream";
        return StoreDocument(upload.Bytes, upload.FileName, mimeType);
    }

    public ChatFile? Find(string fileId)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(fileId)?.Info;
        }
    }

    public StoredFile? FindByPath(string path)
    {
        lock (_gate)
        {
            return _byPath.GetValueOrDefault(path);
        }
    }

    public byte[] Read(string fileId)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(fileId, out var file)
                ? [.. file.Bytes]
                : throw new ArgumentException($"No file with id '{fileId}'.", nameof(fileId));
        }
    }

    public (int Width, int Height) PhotoSize(ChatFile photo)
    {
        lock (_gate)
        {
            return ImageSize.Detect(_byId[photo.FileId].Bytes);
        }
    }

    private ChatFile Store(byte[] bytes, string folder, string? fileName, string? mimeType)
    {
        lock (_gate)
        {
            var number = _nextNumber++;
            var extension = fileName is null ? ".jpg" : Path.GetExtension(fileName);
            var prefix = folder == "photos" ? "AgAC" : "BQAC";
            var info = new ChatFile(
                FileId: string.Create(CultureInfo.InvariantCulture, $"{prefix}{_salt}{number:D6}"),
                FileUniqueId: string.Create(CultureInfo.InvariantCulture, $"AQAD{number:D6}"),
                FileName: fileName,
                MimeType: mimeType,
                FileSize: bytes.Length,
                FilePath: string.Create(CultureInfo.InvariantCulture, $"{folder}/file_{number}{extension}"));
            var stored = new StoredFile(info, [.. bytes]);
            _byId[info.FileId] = stored;
            _byPath[info.FilePath] = stored;
            return info;
        }
    }
}
