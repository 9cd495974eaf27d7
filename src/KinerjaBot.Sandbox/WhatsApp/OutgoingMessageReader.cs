using System.Text.Json;
using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// Reads the body of <c>POST /{phone_number_id}/messages</c> into the message the person will see, refusing what
/// the Cloud API refuses: every length and count limit (131009, details naming the field), missing fields
/// (131008), unknown types (131051) and templates that are not approved (132001).
/// </summary>
internal sealed class OutgoingMessageReader(WhatsAppDoubleOptions options, WhatsAppMediaStore media)
{
    public const int TextLimit = 4096;
    public const int ButtonBodyLimit = 1024;
    public const int ButtonCountLimit = 3;
    public const int ButtonIdLimit = 256;
    public const int ButtonTitleLimit = 20;
    public const int ListBodyLimit = 4096;
    public const int ListButtonLimit = 20;
    public const int SectionCountLimit = 10;
    public const int RowCountLimit = 10;
    public const int RowIdLimit = 200;
    public const int RowTitleLimit = 24;
    public const int RowDescriptionLimit = 72;
    public const int SectionTitleLimit = 24;
    public const int HeaderFooterLimit = 60;
    public const int CaptionLimit = 1024;

    /// <summary>The recipient's wa id and the message (its id, time and version are set by the caller).</summary>
    public (string Input, string WaId, string LoggedType, WhatsAppChatMessage Message) Read(JsonObject body)
    {
        if (Text(body, "messaging_product") is not "whatsapp")
        {
            throw Text(body, "messaging_product") is null
                ? GraphException.MissingParameter("messaging_product")
                : GraphException.InvalidParameter("messaging_product must be \"whatsapp\".");
        }

        var input = Required(body, "to");
        var waId = input.StartsWith('+') ? input[1..] : input;
        if (waId.Length is < 6 or > 15 || !waId.All(char.IsAsciiDigit))
        {
            throw GraphException.InvalidParameter($"to: '{input}' is not a phone number in international format.");
        }

        var type = Text(body, "type") ?? "text";
        var message = type switch
        {
            "text" => ReadText(body),
            "interactive" => ReadInteractive(Object(body, "interactive")),
            "document" or "image" => ReadMedia(type, Object(body, type)),
            "template" => ReadTemplate(Object(body, "template")),
            _ => throw GraphException.UnsupportedType(type),
        };
        var loggedType = type == "interactive" ? "interactive/" + Text(body["interactive"]!.AsObject(), "type") : type;
        return (input, waId, loggedType, message with { ContextMessageId = Text(body["context"] as JsonObject, "message_id") });
    }

    private static WhatsAppChatMessage ReadText(JsonObject body)
    {
        var text = Object(body, "text");
        return New("text") with { Text = Limited(text, "body", TextLimit, "text.body") };
    }

    private static WhatsAppChatMessage ReadInteractive(JsonObject interactive)
    {
        var kind = Required(interactive, "type", "interactive.type");
        var header = interactive["header"] is JsonObject h
            ? Text(h, "type") is "text" or null ? Limited(h, "text", HeaderFooterLimit, "interactive.header.text") : null
            : null;
        var footer = interactive["footer"] is JsonObject f ? Limited(f, "text", HeaderFooterLimit, "interactive.footer.text") : null;
        var body = Object(interactive, "body", "interactive.body");
        var action = Object(interactive, "action", "interactive.action");
        return kind switch
        {
            "button" => New("interactive") with
            {
                Header = header,
                Footer = footer,
                Text = Limited(body, "text", ButtonBodyLimit, "interactive.body.text"),
                Buttons = ReadButtons(action),
            },
            "list" => New("interactive") with
            {
                Header = header,
                Footer = footer,
                Text = Limited(body, "text", ListBodyLimit, "interactive.body.text"),
                ListButton = Limited(action, "button", ListButtonLimit, "interactive.action.button"),
                ListRows = ReadRows(action),
            },
            _ => throw GraphException.InvalidParameter($"interactive.type: '{kind}' is not one of button, list."),
        };
    }

    private static List<WhatsAppReplyButton> ReadButtons(JsonObject action)
    {
        var buttons = Array(action, "buttons", "interactive.action.buttons");
        if (buttons.Count is < 1 or > ButtonCountLimit)
        {
            throw GraphException.InvalidParameter($"interactive.action.buttons: {buttons.Count} buttons; between 1 and {ButtonCountLimit} are allowed.");
        }

        var read = new List<WhatsAppReplyButton>();
        for (var i = 0; i < buttons.Count; i++)
        {
            var field = $"interactive.action.buttons[{i}]";
            var button = buttons[i] as JsonObject ?? throw GraphException.InvalidParameter($"{field} must be an object.");
            if (Text(button, "type") is not "reply")
            {
                throw GraphException.InvalidParameter($"{field}.type must be \"reply\".");
            }

            var reply = Object(button, "reply", field + ".reply");
            read.Add(new WhatsAppReplyButton(
                Limited(reply, "id", ButtonIdLimit, field + ".reply.id"), Limited(reply, "title", ButtonTitleLimit, field + ".reply.title")));
        }

        if (read.DistinctBy(b => b.Title).Count() < read.Count)
        {
            throw GraphException.InvalidParameter("interactive.action.buttons: button titles must be unique.");
        }

        if (read.DistinctBy(b => b.Id).Count() < read.Count)
        {
            throw GraphException.InvalidParameter("interactive.action.buttons: button ids must be unique.");
        }

        return read;
    }

    private static List<WhatsAppListRow> ReadRows(JsonObject action)
    {
        var sections = Array(action, "sections", "interactive.action.sections");
        if (sections.Count is < 1 or > SectionCountLimit)
        {
            throw GraphException.InvalidParameter($"interactive.action.sections: {sections.Count} sections; between 1 and {SectionCountLimit} are allowed.");
        }

        var rows = new List<WhatsAppListRow>();
        for (var s = 0; s < sections.Count; s++)
        {
            var field = $"interactive.action.sections[{s}]";
            var section = sections[s] as JsonObject ?? throw GraphException.InvalidParameter($"{field} must be an object.");
            var title = sections.Count > 1 || section["title"] is not null
                ? Limited(section, "title", SectionTitleLimit, field + ".title")
                : null;
            var sectionRows = Array(section, "rows", field + ".rows");
            if (sectionRows.Count == 0)
            {
                throw GraphException.InvalidParameter($"{field}.rows: a section needs at least one row.");
            }

            for (var r = 0; r < sectionRows.Count; r++)
            {
                var rowField = $"{field}.rows[{r}]";
                var row = sectionRows[r] as JsonObject ?? throw GraphException.InvalidParameter($"{rowField} must be an object.");
                var description = row["description"] is null ? null : Limited(row, "description", RowDescriptionLimit, rowField + ".description", allowEmpty: true);
                rows.Add(new WhatsAppListRow(
                    Limited(row, "id", RowIdLimit, rowField + ".id"), Limited(row, "title", RowTitleLimit, rowField + ".title"), description, title));
            }
        }

        if (rows.Count > RowCountLimit)
        {
            throw GraphException.InvalidParameter($"interactive.action.sections: {rows.Count} rows in total; at most {RowCountLimit} are allowed.");
        }

        if (rows.DistinctBy(r => r.Id).Count() < rows.Count)
        {
            throw GraphException.InvalidParameter("interactive.action.sections: row ids must be unique.");
        }

        return rows;
    }

    private WhatsAppChatMessage ReadMedia(string type, JsonObject medium)
    {
        var caption = medium["caption"] is null ? null : Limited(medium, "caption", CaptionLimit, type + ".caption", allowEmpty: true);
        var fileName = type == "document" ? Text(medium, "filename") : null;
        var id = Text(medium, "id");
        var link = Text(medium, "link");
        if ((id is null) == (link is null))
        {
            throw id is null
                ? GraphException.MissingParameter(type + ".id or " + type + ".link")
                : GraphException.InvalidParameter($"{type}: give either id or link, not both.");
        }

        if (link is not null)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw GraphException.InvalidParameter($"{type}.link: '{link}' is not an http(s) URL.");
            }

            return New(type) with { Text = caption ?? string.Empty, MediaLink = link, DocumentFileName = fileName };
        }

        var item = media.Find(id!) ?? throw GraphException.InvalidParameter($"{type}.id: no uploaded media has the id '{id}'.");
        if (type == "image" && !item.MimeType.StartsWith("image/", StringComparison.Ordinal))
        {
            throw GraphException.InvalidParameter($"image.id: media '{id}' is {item.MimeType}, not an image.");
        }

        return New(type) with
        {
            Text = caption ?? string.Empty,
            MediaId = item.Id,
            MimeType = item.MimeType,
            MediaBytes = item.Bytes,
            DocumentFileName = type == "document" ? fileName ?? item.FileName : null,
        };
    }

    private WhatsAppChatMessage ReadTemplate(JsonObject template)
    {
        var name = Required(template, "name", "template.name");
        var language = Required(Object(template, "language", "template.language"), "code", "template.language.code");
        if (!options.Templates.Contains(name, StringComparer.Ordinal))
        {
            throw GraphException.UnknownTemplate(name, language);
        }

        var parameters = new List<string>();
        var buttons = new List<WhatsAppReplyButton>();
        var components = template["components"] as JsonArray ?? [];
        for (var c = 0; c < components.Count; c++)
        {
            var field = $"template.components[{c}]";
            var component = components[c] as JsonObject ?? throw GraphException.InvalidParameter($"{field} must be an object.");
            var values = component["parameters"] as JsonArray ?? [];
            switch (Text(component, "type"))
            {
                case "body" or "header":
                    for (var p = 0; p < values.Count; p++)
                    {
                        var parameter = values[p] as JsonObject ?? throw GraphException.InvalidParameter($"{field}.parameters[{p}] must be an object.");
                        if (Text(parameter, "type") is not "text")
                        {
                            throw GraphException.InvalidParameter($"{field}.parameters[{p}].type: the double's templates take text parameters only.");
                        }

                        parameters.Add(Required(parameter, "text", $"{field}.parameters[{p}].text"));
                    }

                    break;
                case "button" when Text(component, "sub_type") is "quick_reply":
                    foreach (var value in values.OfType<JsonObject>())
                    {
                        var payload = Required(value, "payload", field + ".parameters[].payload");
                        // The label comes from the approved template, which the double does not hold: it shows the payload.
                        buttons.Add(new WhatsAppReplyButton(payload, payload));
                    }

                    break;
                default:
                    throw GraphException.InvalidParameter($"{field}: type must be header, body, or button with sub_type quick_reply.");
            }
        }

        return New("template") with
        {
            TemplateName = name,
            TemplateLanguage = language,
            TemplateParameters = parameters,
            Text = string.Join(" · ", parameters),
            Buttons = buttons,
        };
    }

    private static WhatsAppChatMessage New(string type) =>
        new() { Id = string.Empty, Sender = WhatsAppChatSender.Bot, Type = type, SentAt = default };

    private static string Limited(JsonObject owner, string name, int limit, string field, bool allowEmpty = false)
    {
        var value = allowEmpty ? Text(owner, name) ?? string.Empty : Required(owner, name, field);
        if (value.Length > limit)
        {
            throw GraphException.InvalidParameter($"{field}: {value.Length} characters; at most {limit} are allowed.");
        }

        return value;
    }

    private static string Required(JsonObject owner, string name, string? field = null)
    {
        var value = Text(owner, name);
        return string.IsNullOrWhiteSpace(value) ? throw GraphException.MissingParameter(field ?? name) : value;
    }

    private static JsonObject Object(JsonObject owner, string name, string? field = null) =>
        owner[name] as JsonObject ?? throw GraphException.MissingParameter(field ?? name);

    private static JsonArray Array(JsonObject owner, string name, string field) =>
        owner[name] as JsonArray ?? throw GraphException.MissingParameter(field);

    private static string? Text(JsonObject? owner, string name) =>
        owner?[name] is JsonValue value && value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number ? value.ToString() : null;
}
