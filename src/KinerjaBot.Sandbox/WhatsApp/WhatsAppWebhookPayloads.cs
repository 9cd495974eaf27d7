using System.Globalization;
using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>The JSON bodies Meta posts to a WhatsApp webhook: one change of field <c>messages</c> per event.</summary>
internal static class WhatsAppWebhookPayloads
{
    public static JsonObject IncomingMessage(WhatsAppDoubleOptions options, string waId, string profileName, JsonObject message) =>
        Envelope(options, new JsonObject
        {
            ["contacts"] = new JsonArray(new JsonObject { ["profile"] = new JsonObject { ["name"] = profileName }, ["wa_id"] = waId }),
            ["messages"] = new JsonArray(message),
        });

    public static JsonObject Status(
        WhatsAppDoubleOptions options, string messageId, string status, DateTimeOffset at, string recipient, GraphException? error = null)
    {
        var entry = new JsonObject
        {
            ["id"] = messageId,
            ["status"] = status,
            ["timestamp"] = UnixSeconds(at),
            ["recipient_id"] = recipient,
        };
        if (error is { } e)
        {
            // Webhook errors carry the code's title on its own, without the "(#code) " the synchronous message starts with.
            var title = e.Message.StartsWith("(#", StringComparison.Ordinal) ? e.Message[(e.Message.IndexOf(' ', StringComparison.Ordinal) + 1)..] : e.Message;
            var shape = new JsonObject { ["code"] = e.Code, ["title"] = title, ["message"] = title };
            if (e.Details is { } details)
            {
                shape["error_data"] = new JsonObject { ["details"] = details };
            }

            entry["errors"] = new JsonArray(shape);
        }

        return Envelope(options, new JsonObject { ["statuses"] = new JsonArray(entry) });
    }

    public static string UnixSeconds(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static JsonObject Envelope(WhatsAppDoubleOptions options, JsonObject change)
    {
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = options.DisplayPhoneNumber, ["phone_number_id"] = options.PhoneNumberId },
        };
        foreach (var (key, node) in change.ToList())
        {
            change.Remove(key);
            value[key] = node;
        }

        return new JsonObject
        {
            ["object"] = "whatsapp_business_account",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = options.BusinessAccountId,
                ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
            }),
        };
    }
}
