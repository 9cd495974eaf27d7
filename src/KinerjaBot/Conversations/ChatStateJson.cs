using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KinerjaBot.Conversations;

/// <summary>
/// Chat states to and from their stored JSON. Reads the typed shape (<c>"state": "awaiting-value"</c>) and the flat
/// one written before it (<c>"mode": 1</c>), converting the latter once; writes only the typed shape.
/// </summary>
public static class ChatStateJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Old states stored the mode as a number; a hand-edited or future-proofed one may spell it out.
    private static readonly JsonSerializerOptions LegacyJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private const string TypedPrefix = "{\"state\":";

    public static string Write(ChatState state) => JsonSerializer.Serialize(state, Json);

    public static ChatState Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return IdleState.Instance;
        }

        // What Write stored starts with its discriminator: read it once, without first parsing it into a tree.
        if (json.StartsWith(TypedPrefix, StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize<ChatState>(json, Json) ?? IdleState.Instance;
        }

        return JsonNode.Parse(json) is JsonObject stored && !stored.ContainsKey("state")
            ? (JsonSerializer.Deserialize<LegacyChatState>(json, LegacyJson)?.ToTyped() ?? IdleState.Instance)
            : JsonSerializer.Deserialize<ChatState>(json, Json) ?? IdleState.Instance;
    }
}
