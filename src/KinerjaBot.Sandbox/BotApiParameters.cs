using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KinerjaBot.Sandbox;

/// <summary>
/// A Bot API request's parameters from wherever Telegram accepts them: the query string, a JSON body,
/// a form-urlencoded body or multipart/form-data (where objects such as <c>reply_markup</c> arrive as JSON text).
/// </summary>
internal sealed class BotApiParameters
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UploadedFile> _files = new(StringComparer.Ordinal);

    public static BotApiParameters Empty { get; } = new();

    public static async Task<BotApiParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new BotApiParameters();
        foreach (var (name, value) in request.Query)
        {
            parameters._values[name] = JsonValue.Create(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (name, value) in form)
            {
                parameters._values[name] = JsonValue.Create(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                parameters._files[file.Name] = new UploadedFile(file.FileName, file.ContentType, buffer.ToArray());
            }
        }
        else if (request.HasJsonContentType())
        {
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }

            if (body is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    parameters._values[name] = value?.DeepClone();
                }
            }
            else if (body is not null)
            {
                throw BotApiException.BadRequest("can't parse JSON object");
            }
        }

        return parameters;
    }

    public bool Has(string name) => _values.ContainsKey(name) || _files.ContainsKey(name);

    public string? String(string name) => _values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => other.ToJsonString(),
    };

    /// <summary>An integer parameter; Telegram also accepts integers written as strings.</summary>
    public long? Long(string name)
    {
        var node = _values.GetValueOrDefault(name);
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number))
            {
                return number;
            }

            if (value.TryGetValue<string>(out var text)
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }
        }

        throw BotApiException.BadRequest($"invalid {name} specified");
    }

    public bool Bool(string name)
    {
        var node = _values.GetValueOrDefault(name);
        return node is JsonValue value
            && ((value.TryGetValue<bool>(out var flag) && flag)
                || (value.TryGetValue<string>(out var text) && text.Equals("true", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>An object parameter, given either as JSON in a JSON body or as JSON text in a form field.</summary>
    public JsonNode? Json(string name, string errorDetail)
    {
        var node = _values.GetValueOrDefault(name);
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                throw BotApiException.BadRequest(errorDetail);
            }
        }

        return node;
    }

    /// <summary>
    /// A file sent with the request: either the multipart part named like the parameter, or the part that the
    /// parameter points at with <c>attach://&lt;part&gt;</c> (how Telegram.Bot and Telegram's own docs upload).
    /// </summary>
    public UploadedFile? File(string name)
    {
        if (_files.TryGetValue(name, out var direct))
        {
            return direct;
        }

        const string AttachScheme = "attach://";
        var reference = String(name);
        if (reference is null || !reference.StartsWith(AttachScheme, StringComparison.Ordinal))
        {
            return null;
        }

        return _files.GetValueOrDefault(reference[AttachScheme.Length..])
            ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
    }

    /// <summary>
    /// The <c>chat_id</c>: null when it names a public username, which the sandbox's private chats never have,
    /// so the caller answers "chat not found".
    /// </summary>
    public long? ChatId()
    {
        var text = String("chat_id");
        if (string.IsNullOrEmpty(text))
        {
            throw BotApiException.BadRequest("chat_id is empty");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    public IReadOnlyDictionary<string, string> ToLogDictionary()
    {
        var log = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in _values)
        {
            log[name] = String(name) ?? "null";
        }

        foreach (var (name, file) in _files)
        {
            log[name] = $"<file {file.FileName}, {file.Bytes.Length} bytes>";
        }

        return log;
    }

    public long? LoggedChatId()
    {
        var text = String("chat_id");
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
