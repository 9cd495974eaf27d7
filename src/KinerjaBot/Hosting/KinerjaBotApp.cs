using KinerjaBot.Configuration;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// The command line: no verb runs the bot; <c>workflow diagram</c> prints the workflows.
/// Configuration mistakes end with one readable message and exit code 2, never a stack trace.
/// </summary>
public static class KinerjaBotApp
{
    public const int ConfigurationError = 2;
    public const int UsageError = 64;

    private const string Usage = """
        Usage:
          dotnet run --project src/KinerjaBot                      run the bot
          dotnet run --project src/KinerjaBot -- workflow diagram  print both workflows as Mermaid
        Settings: appsettings.json or environment variables (KinerjaBot__ConfigDirectory, KinerjaBot__DataDirectory).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // Verbs are plain words; settings are --Key=value. Only settings go to the configuration system.
        var verbs = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var settings = args.Skip(verbs.Length).ToArray();
        try
        {
            using var host = BuildHost(settings);
            switch (verbs)
            {
                case []:
                    return await RunBotAsync(host, output, cancellationToken);
                case ["workflow", "diagram"]:
                    await output.WriteAsync(WorkflowDiagrams.Render(host.Services.GetRequiredService<WorkflowCatalog>()));
                    return 0;
                default:
                    await error.WriteLineAsync($"Unknown command '{string.Join(' ', verbs)}'.");
                    await error.WriteLineAsync(Usage);
                    return UsageError;
            }
        }
        catch (OfficeConfigurationException e)
        {
            await error.WriteLineAsync(e.Message);
            return ConfigurationError;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"Invalid settings: {string.Join("; ", e.Failures)}");
            return ConfigurationError;
        }
    }

    private static IHost BuildHost(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddKinerjaBot(builder.Configuration);
        return builder.Build();
    }

    private static async Task<int> RunBotAsync(IHost host, TextWriter output, CancellationToken cancellationToken)
    {
        // Until the Telegram channel lands, "run" checks the office and the database and reports what it loaded.
        var office = host.Services.GetRequiredService<OfficeConfiguration>();
        var store = host.Services.GetRequiredService<KinerjaStore>();
        await output.WriteLineAsync($"{office.Office.Name} ({office.Office.Government})");
        await output.WriteLineAsync($"  {office.Officials.Count} officials, {office.Units.Count} units, {office.Indicators.Count} indicators");
        foreach (var unit in office.Units)
        {
            var head = office.Official(unit.HeadId);
            await output.WriteLineAsync($"  - {unit.Name}: {office.Indicators.Count(i => i.UnitId == unit.Id)} indicators, head {head.Name}, verified by {string.Join(" then ", unit.VerifierIds)}");
        }

        await output.WriteLineAsync($"  report chain: {string.Join(" -> ", office.Chain.Select(s => $"{s.Kind.ToString().ToLowerInvariant()} ({s.OfficialId})"))}");
        await output.WriteLineAsync($"  database: {store.DatabasePath} (schema version {store.SchemaVersion()})");
        cancellationToken.ThrowIfCancellationRequested();
        return 0;
    }
}
