using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace KinerjaBot.Tests.Telegram;

/// <summary>Parses a recorded multipart/form-data body into its named parts.</summary>
internal static class MultipartParts
{
    public sealed record Part(string? FileName, string Text);

    public static async Task<Dictionary<string, Part>> ReadAsync(RecordedRequest request)
    {
        var boundary = MediaTypeHeaderValue.Parse(request.ContentType!).Parameters
            .Single(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase)).Value!.Trim('"');
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new Dictionary<string, Part>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = ContentDispositionHeaderValue.Parse(section.ContentDisposition!);
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            parts[disposition.Name!.Trim('"')] = new Part(
                disposition.FileNameStar ?? disposition.FileName?.Trim('"'),
                Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return parts;
    }
}
