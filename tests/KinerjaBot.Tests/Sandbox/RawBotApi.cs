using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>
/// The bot's side of the wire in its plainest form: HttpClient and JSON, so these tests do not depend on the
/// bot's typed Telegram client.
/// </summary>
public sealed class RawBotApi(LocalBotApiServer server) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    public HttpClient Http => _http;

    public string MethodUrl(string method, string? token = null) => $"{server.BaseUrl}/bot{token ?? server.Token}/{method}";

    /// <summary>POSTs the parameters as a JSON body and returns the status and the parsed body.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> CallAsync(string method, object? parameters = null, string? token = null)
    {
        using var response = await _http.PostAsJsonAsync(MethodUrl(method, token), parameters ?? new { });
        return (response.StatusCode, await ReadAsync(response));
    }

    /// <summary>Calls a method that must succeed and returns its <c>result</c>.</summary>
    public async Task<JsonNode> ResultAsync(string method, object? parameters = null)
    {
        var (status, body) = await CallAsync(method, parameters);
        Assert.True(status == HttpStatusCode.OK, $"{method} failed: {status} {body.ToJsonString()}");
        Assert.True(body["ok"]!.GetValue<bool>());
        return body["result"]!;
    }

    /// <summary>Calls a method that must fail and returns the error envelope after checking its shape.</summary>
    public async Task<JsonObject> ErrorAsync(string method, object? parameters, int expectedCode, string? token = null)
    {
        var (status, body) = await CallAsync(method, parameters, token);
        Assert.Equal(expectedCode, (int)status);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal(expectedCode, body["error_code"]!.GetValue<int>());
        return body;
    }

    public async Task<JsonArray> GetUpdatesAsync(long? offset = null, int timeout = 0)
    {
        var result = await ResultAsync("getUpdates", new { offset, timeout });
        return result.AsArray();
    }

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response) =>
        (await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync()))!.AsObject();

    public void Dispose() => _http.Dispose();
}
