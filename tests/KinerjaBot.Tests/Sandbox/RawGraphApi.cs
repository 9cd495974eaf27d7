using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>The bot's side of the Graph API in its plainest form: HttpClient, a Bearer token and JSON.</summary>
public sealed class RawGraphApi : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private readonly LocalBotApiServer _server;

    public RawGraphApi(LocalBotApiServer server)
    {
        _server = server;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.WhatsApp.Options.AccessToken);
    }

    public HttpClient Http => _http;

    /// <summary>The bot's <c>WhatsApp:ApiBaseUrl</c>.</summary>
    public string BaseUrl => _server.BaseUrl + "/whatsapp";

    public string MessagesUrl => $"{BaseUrl}/v21.0/{_server.WhatsApp.Options.PhoneNumberId}/messages";

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(object message)
    {
        using var response = await _http.PostAsJsonAsync(MessagesUrl, message);
        return (response.StatusCode, await RawBotApi.ReadAsync(response));
    }

    /// <summary>Sends a message that must be accepted and returns its wamid.</summary>
    public async Task<string> AcceptedAsync(object message)
    {
        var (status, body) = await SendAsync(message);
        Assert.True(status == HttpStatusCode.OK, $"refused: {status} {body.ToJsonString()}");
        return body["messages"]![0]!["id"]!.GetValue<string>();
    }

    /// <summary>Sends a message that must be refused with <paramref name="code"/> and returns the <c>error</c> object.</summary>
    public async Task<JsonObject> RefusedAsync(object message, int code, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var (answered, body) = await SendAsync(message);
        Assert.True(answered == status, $"expected {status}, got {answered} {body.ToJsonString()}");
        return ErrorShape(body, code);
    }

    public async Task<string> UploadAsync(byte[] bytes, string mimeType, string fileName)
    {
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        form.Add(file, "file", fileName);
        form.Add(new StringContent(mimeType), "type");
        form.Add(new StringContent("whatsapp"), "messaging_product");
        using var response = await _http.PostAsync($"{BaseUrl}/v21.0/{_server.WhatsApp.Options.PhoneNumberId}/media", form);
        var body = await RawBotApi.ReadAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body["id"]!.GetValue<string>();
    }

    /// <summary>Checks the Graph error shape and returns its <c>error</c> object.</summary>
    public static JsonObject ErrorShape(JsonObject body, int code)
    {
        var error = body["error"]!.AsObject();
        Assert.Equal(code, error["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(error["type"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(error["fbtrace_id"]!.GetValue<string>()));
        return error;
    }

    public static string Details(JsonObject error) => error["error_data"]!["details"]!.GetValue<string>();

    public void Dispose() => _http.Dispose();
}
