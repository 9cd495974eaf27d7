using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace KinerjaBot.Sandbox;

/// <summary>
/// Keeps web pages out of the local Bot API. A page the operator visits can make the browser send requests to
/// 127.0.0.1 without any script permission: an <c>&lt;img&gt;</c> tag is a GET, a hidden form is a form-encoded or
/// multipart POST. Such a request could post a forged bot message into an official's chat or confirm (and so drop)
/// pending updates. Telegram.Bot sends JSON or multipart and never the browser's <c>Origin</c>, <c>Referer</c> or
/// <c>Sec-Fetch-*</c> headers, so it is unaffected.
/// </summary>
internal static class BrowserRequestPolicy
{
    // Methods a browser may call (a developer opening getMe in the address bar): they only read.
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "getMe", "getMyCommands", "getWebhookInfo", "getFile",
    };

    /// <summary>
    /// Why a request must be refused, or null. Any request naming a page that is not this server (its
    /// <c>Origin</c> or <c>Referer</c>) is refused; a request from any browser context (an <c>Origin</c> or
    /// <c>Sec-Fetch-Site</c> header) may change state only with a JSON body, which a page can send cross-site only
    /// after a CORS preflight this server never grants.
    /// </summary>
    public static string? Refusal(HttpRequest request, string? method)
    {
        if (ForeignPage(request) is { } header)
        {
            return $"Forbidden: requests from other web pages are refused ({header} is not this sandbox)";
        }

        var fromBrowser = request.Headers.ContainsKey(HeaderNames.Origin) || request.Headers.ContainsKey("Sec-Fetch-Site");
        if (!fromBrowser || method is null || ReadOnlyMethods.Contains(method))
        {
            return null;
        }

        var json = HttpMethods.IsPost(request.Method)
            && MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
        return json ? null : $"Forbidden: a browser may call {method} only with a JSON POST";
    }

    /// <summary>The header that names another page, or null when every page named is this server's own.</summary>
    public static string? ForeignPage(HttpRequest request)
    {
        foreach (var header in new[] { HeaderNames.Origin, HeaderNames.Referer })
        {
            var values = request.Headers[header];
            if (values.Count > 0 && !values.All(value => IsOwnPage(value, request.HttpContext.Connection.LocalPort)))
            {
                return header;
            }
        }

        return null;
    }

    // This server's own pages: a loopback name on the port the request came in on. Anything else, including the
    // "null" origin of sandboxed frames and file:// pages, or another local port (a dev server), is foreign.
    private static bool IsOwnPage(string? value, int localPort) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.Host is "127.0.0.1" or "localhost" or "[::1]"
        && uri.Port == localPort;
}
