using System.Globalization;
using System.Security.Cryptography;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// Media the Cloud API keeps: what the bot uploads to <c>/media</c> and what people send. Its lock is innermost:
/// it never calls another component.
/// </summary>
internal sealed class WhatsAppMediaStore
{
    // The Cloud API's caps: images 5 MB, documents 100 MB (Kestrel's 50 MB request cap comes first).
    private const long ImageLimit = 5L * 1024 * 1024;

    private static readonly string[] SupportedTypes =
    [
        "image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain", "application/msword",
        "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg", "video/mp4", "video/3gpp",
    ];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, WhatsAppMediaItem> _byId = new(StringComparer.Ordinal);
    private long _next = 1;

    public WhatsAppMediaItem Upload(byte[] bytes, string? mimeType, string? fileName)
    {
        if (string.IsNullOrWhiteSpace(mimeType))
        {
            throw GraphException.MissingParameter("type");
        }

        var type = mimeType.Split(';')[0].Trim().ToLowerInvariant();
        if (!SupportedTypes.Contains(type))
        {
            throw GraphException.MediaUpload($"Param file must be a file with one of the following types: {string.Join(", ", SupportedTypes)}. Received file of type '{type}'.");
        }

        if (bytes.Length == 0)
        {
            throw GraphException.MediaUpload("The uploaded file is empty.");
        }

        if (type.StartsWith("image/", StringComparison.Ordinal) && bytes.Length > ImageLimit)
        {
            throw GraphException.MediaUpload($"Image is {bytes.Length} bytes; images may be at most {ImageLimit} bytes.");
        }

        return Store(bytes, type, fileName);
    }

    public WhatsAppMediaItem Store(byte[] bytes, string mimeType, string? fileName)
    {
        lock (_gate)
        {
            // Numeric ids like the Cloud API's, far from phone number ids so a mix-up shows.
            var id = (7_000_000_000_000_000 + _next++).ToString(CultureInfo.InvariantCulture);
            var item = new WhatsAppMediaItem(id, [.. bytes], mimeType, Convert.ToHexStringLower(SHA256.HashData(bytes)), fileName);
            _byId[id] = item;
            return item;
        }
    }

    public WhatsAppMediaItem? Find(string id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }
}
