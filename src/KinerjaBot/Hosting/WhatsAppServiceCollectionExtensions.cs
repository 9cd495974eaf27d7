using KinerjaBot.Storage;
using KinerjaBot.WhatsApp;
using KinerjaBot.WhatsAppChannel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>The WhatsApp channel's wiring; it stays off (receiver idle, its outbox rows waiting) without an access token.</summary>
public static class WhatsAppServiceCollectionExtensions
{
    public static IServiceCollection AddWhatsAppOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WhatsAppConnectionOptions>().Bind(configuration.GetSection(WhatsAppConnectionOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppConnectionOptions>>(new ProblemListValidator<WhatsAppConnectionOptions>(o => o.Problems()));
        services.AddOptions<WhatsAppSenderOptions>().Bind(configuration.GetSection("WhatsApp:Sender"));
        return services;
    }

    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services)
    {
        services.AddSingleton(sp => new GraphClient(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<WhatsAppConnectionOptions>>().Value));

        // Exactly one: its window is process-wide.
        services.AddSingleton(sp => new WhatsAppSender(
            sp.GetRequiredService<GraphClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<WhatsAppSenderOptions>>().Value,
            sp.GetRequiredService<ILogger<WhatsAppSender>>()));
        services.AddSingleton<IOutboxChannel, WhatsAppOutboxChannel>();
        services.AddSingleton<WhatsAppMessageTranslator>();
        services.AddSingleton<WhatsAppWebhookProcessor>();
        services.AddSingleton<WhatsAppWebhookReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<WhatsAppWebhookReceiver>());
        return services;
    }
}
