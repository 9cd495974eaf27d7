using System.Globalization;
using System.Text.Json;

namespace KinerjaBot.Telegram;

/// <summary>
/// Gives every Bot API exchange its own deadline on the injected clock: <c>getUpdates</c> its long-poll
/// <c>timeout</c> plus a margin, everything else (file downloads too) the ordinary request timeout. The body is
/// read within the deadline as well, so a connection that stalls mid-answer also counts as a timeout.
/// </summary>
/// <remarks>
/// A deadline that passes throws <see cref="TimeoutException"/>, not a cancellation: Telegram.Bot rethrows
/// cancellations as they are (they look like the caller giving up) but wraps any other failure in its
/// <c>RequestException</c>, which is what a transport failure must be for the retry logic.
/// </remarks>
internal sealed class RequestTimeoutHandler(TimeProvider timeProvider, TimeSpan requestTimeout, TimeSpan longPollMargin) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var timeout = await TimeoutForAsync(request, cancellationToken).ConfigureAwait(false);
        using var deadline = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);

            // Bot API answers are small JSON and downloads at most 20 MB: buffering keeps the whole exchange
            // under the deadline instead of leaving the body read unbounded.
            await response.Content.LoadIntoBufferAsync(linked.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"The Bot API gave no answer within {timeout.TotalSeconds:0.#} s."), ex);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    private async Task<TimeSpan> TimeoutForAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is null || request.RequestUri?.AbsolutePath.EndsWith("/getUpdates", StringComparison.Ordinal) != true)
        {
            return requestTimeout;
        }

        // Telegram holds a long poll open for up to `timeout` seconds when there is nothing to deliver.
        var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("timeout", out var seconds) && seconds.TryGetInt32(out var value) && value > 0
                ? TimeSpan.FromSeconds(value) + longPollMargin
                : requestTimeout;
        }
        catch (JsonException)
        {
            return requestTimeout;
        }
    }
}
