using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Sandbox.WhatsApp;
using KinerjaBot.WhatsAppChannel;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Hosting;

/// <summary>
/// The no-token sandbox speaks WhatsApp too: the bot's WhatsApp channel points at the sandbox's double, and every
/// official whose roster entry says <c>channel: whatsapp</c> gets a WhatsApp chat on the page.
/// </summary>
internal static class SandboxWhatsApp
{
    public static Dictionary<string, string?> Settings(LocalBotApiServer server) => new()
    {
        ["WhatsApp:AccessToken"] = server.WhatsApp.Options.AccessToken,
        ["WhatsApp:PhoneNumberId"] = server.WhatsApp.Options.PhoneNumberId,
        ["WhatsApp:AppSecret"] = server.WhatsApp.Options.AppSecret,
        ["WhatsApp:VerifyToken"] = server.WhatsApp.Options.VerifyToken,
        ["WhatsApp:ApiBaseUrl"] = $"{server.BaseUrl}/whatsapp/v21.0",

        // Any free port on loopback: only the double posts to it.
        ["WhatsApp:WebhookListen"] = "http://127.0.0.1:0",
    };

    public static void AddOfficial(LocalBotApiServer server, OfficeConfiguration office, Official official, string displayName)
    {
        if (official.Channel != ChatChannel.WhatsApp)
        {
            return;
        }

        server.WhatsApp.AddUser(official.Phone, displayName);
        server.ListOnChatPage(new WhatsAppChatPageEntry(
            "wa-" + official.Id, official.Phone, official.Name, official.Position, string.Join(" · ", office.DescribeRoles(official.Id))));
    }

    public static async Task SubscribeAsync(LocalBotApiServer server, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<WhatsAppWebhookReceiver>().WebhookUrl is { } url)
        {
            await server.WhatsApp.SubscribeAsync(url, cancellationToken);
        }
    }
}
