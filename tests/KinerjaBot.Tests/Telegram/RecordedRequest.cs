using System.Text;
using System.Text.Json;

namespace KinerjaBot.Tests.Telegram;

/// <summary>One request the fake Bot API received.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, byte[] Body, DateTimeOffset ReceivedAt)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The Bot API method name, the last URL segment.</summary>
    public string ApiMethod => Uri.Segments[^1];

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
