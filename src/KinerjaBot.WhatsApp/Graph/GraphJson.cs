using System.Text.Json;
using System.Text.Json.Serialization;

namespace KinerjaBot.WhatsApp;

/// <summary>The Graph API's JSON: snake_case names, absent rather than null fields.</summary>
public static class GraphJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
