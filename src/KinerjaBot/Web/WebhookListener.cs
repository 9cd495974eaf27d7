using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Web;

/// <summary>
/// The Kestrel listener every webhook endpoint runs inside the bot's host (Telegram's, the shared one of several
/// offices, WhatsApp's; decisions/0013): built the same way so none of them picks up stray settings.
/// </summary>
public static class WebhookListener
{
    /// <summary>Updates and WhatsApp webhooks are a few kilobytes (files come by id); anything far larger is not theirs.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// An app that listens only on <paramref name="endPoint"/>. Empty args and no configuration sources: the bot's own
    /// settings are not ASP.NET Core's (no stray URLs), and its logging is the bot's, not Kestrel's request noise.
    /// </summary>
    public static WebApplication Create(IPEndPoint endPoint)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.Listen(endPoint);
        });
        return builder.Build();
    }

    /// <summary>Where a started app listens (the port is known only then when 0 was asked for).</summary>
    public static Uri BoundAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
}
