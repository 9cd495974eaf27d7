using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// The few Graph API calls the bot makes, each one HTTP request with the bearer token: send a message, upload a
/// document, look a media id up and download it. No retries here: the sending funnel (<see cref="WhatsAppSender"/>) decides.
/// </summary>
public sealed class GraphClient
{
    private readonly HttpClient _http;
    private readonly string _baseUrl;
    private readonly string _phoneNumberId;
    private readonly string _accessToken;

    public GraphClient(HttpClient http, WhatsAppConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _baseUrl = options.ApiBaseUrl.TrimEnd('/');

        // Empty when the channel is off: then nothing calls it (options are validated at start when it is on).
        _phoneNumberId = options.PhoneNumberId ?? string.Empty;
        _accessToken = options.AccessToken ?? string.Empty;
    }

    /// <summary>Sends a message; returns its id ("wamid.…"), which its statuses name later.</summary>
    public async Task<string> SendMessageAsync(GraphMessage message, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"{_baseUrl}/{_phoneNumberId}/messages");
        request.Content = JsonContent.Create(message, options: GraphJson.Options);
        var response = await SendAsync<GraphSendResponse>(request, cancellationToken);
        return response.Messages is [{ Id: { Length: > 0 } id }, ..]
            ? id
            : throw new GraphApiException(HttpStatusCode.OK, 0, "The Graph API accepted the message but returned no message id.");
    }

    /// <summary>Uploads a file to /media; returns the media id to send it by.</summary>
    public async Task<string> UploadMediaAsync(Stream content, string fileName, string mimeType, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"{_baseUrl}/{_phoneNumberId}/media");
        var file = new StreamContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        request.Content = new MultipartFormDataContent
        {
            { new StringContent("whatsapp"), "messaging_product" },
            { new StringContent(mimeType), "type" },
            { file, "file", fileName },
        };
        return (await SendAsync<GraphMediaId>(request, cancellationToken)).Id;
    }

    public async Task<GraphMediaInfo> GetMediaAsync(string mediaId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"{_baseUrl}/{Uri.EscapeDataString(mediaId)}");
        return await SendAsync<GraphMediaInfo>(request, cancellationToken);
    }

    /// <summary>Copies the file behind a media URL (it needs the token too) into <paramref name="destination"/>, at most <paramref name="maxBytes"/>.</summary>
    public async Task<long> DownloadMediaAsync(Uri url, Stream destination, long maxBytes, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, url.ToString());
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[81920];
        long total = 0;
        for (var read = await body.ReadAsync(buffer, cancellationToken); read > 0; read = await body.ReadAsync(buffer, cancellationToken))
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InvalidDataException($"The media file is larger than {maxBytes} bytes.");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    private HttpRequestMessage Request(HttpMethod method, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessToken);
        return request;
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellationToken);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(GraphJson.Options, cancellationToken)
                ?? throw new GraphApiException(response.StatusCode, 0, "The Graph API answered with an empty body.");
        }
        catch (JsonException e)
        {
            throw new GraphApiException(null, 0, "The Graph API answered with JSON the bot cannot read.", inner: e);
        }
    }

    private async Task<HttpResponseMessage> TransportAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new GraphApiException(null, 0, $"The Graph API could not be reached: {e.Message}", inner: e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GraphApiException(null, 0, "The Graph API did not answer in time.", inner: e);
        }
    }

    private static async Task<GraphApiException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync<GraphErrorEnvelope>(GraphJson.Options, cancellationToken);
            if (envelope?.Error is { } error)
            {
                return new GraphApiException(response.StatusCode, error.Code, error.Message ?? response.ReasonPhrase ?? "error", error.ErrorData?.Details, retryAfter);
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            // A proxy's error page, not Graph's JSON: the status says enough.
        }

        return new GraphApiException(response.StatusCode, 0, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", retryAfter: retryAfter);
    }
}
