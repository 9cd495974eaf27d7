using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace KinerjaBot.Conversations;

/// <summary>
/// Chat states to and from their stored JSON. Reads the typed shape (<c>"state": "awaiting-value"</c>) and the flat
/// one written before it (<c>"mode": 1</c>), converting the latter once; writes only the typed shape.
/// </summary>
public static partial class ChatStateJson
{
    private const string TypedPrefix = "{\"state\":";

    public static string Write(ChatState state) => JsonSerializer.Serialize(state, TypedJson.Default.ChatState);

    public static ChatState Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return IdleState.Instance;
        }

        // What Write stored starts with its discriminator: read it once, without first parsing it into a tree.
        if (json.StartsWith(TypedPrefix, StringComparison.Ordinal))
        {
            return JsonSerializer.Deserialize(json, TypedJson.Default.ChatState) ?? IdleState.Instance;
        }

        return JsonNode.Parse(json) is JsonObject stored && !stored.ContainsKey("state")
            ? (JsonSerializer.Deserialize(json, LegacyJson.Default.LegacyChatState)?.ToTyped() ?? IdleState.Instance)
            : JsonSerializer.Deserialize(json, TypedJson.Default.ChatState) ?? IdleState.Instance;
    }

    // Both shapes are read and written by code generated at build time (decisions/0026), with the web defaults the
    // reflection-based serializer used before, so stored states read the same.
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
    [JsonSerializable(typeof(ChatState))]
    private sealed partial class TypedJson : JsonSerializerContext;

    // Old states stored the mode as a number; a hand-edited or future-proofed one may spell it out.
    [JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
    [JsonSerializable(typeof(LegacyChatState))]
    private sealed partial class LegacyJson : JsonSerializerContext;
}
