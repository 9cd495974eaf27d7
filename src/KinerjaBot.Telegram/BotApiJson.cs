using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace KinerjaBot.Telegram;

/// <summary>
/// The serializer settings every Bot API call and update goes through (Telegram.Bot's <see cref="JsonBotAPI.Options"/>),
/// given the metadata generated at build time instead of reflection: Telegram.Bot's own
/// <see cref="JsonBotSerializerContext"/> (its net6.0 build ships it but does not use it) and ours for the raw
/// getUpdates answer. Reflection stays the fallback where the runtime allows it; a native image has no other way
/// (decisions/0026).
/// </summary>
public static partial class BotApiJson
{
    private static readonly Lock Gate = new();

    /// <summary><see cref="JsonBotAPI.Options"/>, with the generated metadata in front once anything asks for it.</summary>
    public static JsonSerializerOptions Options
    {
        get
        {
            UseGeneratedMetadata();
            return JsonBotAPI.Options;
        }
    }

    /// <summary>
    /// Puts the generated metadata in front of <see cref="JsonBotAPI.Options"/>. Must run before the first request or
    /// update is (de)serialized: the settings are frozen by their first use, and then this leaves them as they are.
    /// </summary>
    public static void UseGeneratedMetadata()
    {
        var options = JsonBotAPI.Options;
        if (options.TypeInfoResolver is not null || options.IsReadOnly)
        {
            return;
        }

        lock (Gate)
        {
            if (options.TypeInfoResolver is not null || options.IsReadOnly)
            {
                return;
            }

            options.TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault
                ? JsonTypeInfoResolver.Combine(RawUpdatesJson.Default, JsonBotSerializerContext.Default, ReflectionFallback())
                : JsonTypeInfoResolver.Combine(RawUpdatesJson.Default, JsonBotSerializerContext.Default);
        }
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only where reflection-based serialization is enabled, i.e. not in a native image.")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only where reflection-based serialization is enabled, i.e. not in a native image.")]
    private static DefaultJsonTypeInfoResolver ReflectionFallback() => new();

    // getUpdates is read as raw elements, so one update the bot cannot read is skipped instead of failing the batch.
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
    [JsonSerializable(typeof(ApiResponse<JsonElement[]>))]
    private sealed partial class RawUpdatesJson : JsonSerializerContext;
}
