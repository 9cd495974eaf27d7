using KinerjaBot.Configuration;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>The one place the bot's services are wired together.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKinerjaBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KinerjaBotOptions>()
            .Bind(configuration.GetSection(KinerjaBotOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => OfficeConfigurationLoader.Load(sp.GetRequiredService<IOptions<KinerjaBotOptions>>().Value.ConfigDirectory));
        services.AddSingleton(sp => KinerjaStore.Open(
            sp.GetRequiredService<IOptions<KinerjaBotOptions>>().Value.DataDirectory,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkflowCatalog>();
        services.AddSingleton<WorkflowService>();
        return services;
    }
}
