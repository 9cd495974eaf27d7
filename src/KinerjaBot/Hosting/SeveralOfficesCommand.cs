using KinerjaBot.Configuration;
using Microsoft.Extensions.Configuration;

namespace KinerjaBot.Hosting;

/// <summary>
/// The command line over a config directory with several offices: no verb runs every office (<see cref="OfficeDeployment"/>);
/// a verb acts on the one office named with <c>--office=&lt;office-id&gt;</c>.
/// </summary>
internal static class SeveralOfficesCommand
{
    /// <summary>The setting that names the office a verb is for: <c>--office=kec-sukamaju</c>.</summary>
    public const string OfficeSetting = "office";

    public static async Task<int> RunAsync(string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        OfficeDeployment deployment;
        try
        {
            deployment = await OfficeDeployment.StartAsync(settings, cancellationToken: cancellationToken);
        }
        catch (IOException e)
        {
            await error.WriteLineAsync($"An office's sandbox could not listen on 127.0.0.1: {e.Message}");
            await error.WriteLineAsync("Another program (or another sandbox) uses one of the ports (one per office, counted up from Sandbox:Port). Stop it, or pick another first port: --Sandbox:Port=5090 (0 = any free ports).");
            return KinerjaBotApp.SandboxPortUnavailable;
        }

        IReadOnlyList<string> failures;
        await using (deployment)
        {
            await PrintAsync(deployment, output);
            await deployment.WaitForShutdownAsync(cancellationToken);

            // A rejected token is recorded before its host stops; the hosts' services are gone once disposed.
            failures = deployment.Failures();
        }

        foreach (var failure in failures)
        {
            await error.WriteLineAsync(failure);
        }

        return failures.Count == 0 ? 0 : KinerjaBotApp.BotStoppedItself;
    }

    /// <summary>The settings of the office <c>--office</c> names, or null after saying what is missing.</summary>
    public static async Task<string[]?> SettingsForOneOfficeAsync(ConfigurationLayout layout, string[] settings, IConfiguration shared, TextWriter error)
    {
        var offices = OfficeFolderConfigurations.Load(layout);
        var ids = string.Join(", ", offices.Select(o => o.Office.Office.Id));
        var wanted = shared[OfficeSetting];
        if (string.IsNullOrWhiteSpace(wanted))
        {
            await error.WriteLineAsync(
                $"{Path.GetFullPath(layout.ConfigDirectory)} holds {offices.Count} offices ({ids}); say which one this command is for, e.g. --office={offices[0].Office.Office.Id} after the command.");
            return null;
        }

        var chosen = offices.FirstOrDefault(o => string.Equals(o.Office.Office.Id, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        if (chosen.Office is null)
        {
            await error.WriteLineAsync($"There is no office '{wanted}' in {Path.GetFullPath(layout.ConfigDirectory)}; its offices are {ids}. Use --office=<office-id> with one of them.");
            return null;
        }

        return [.. settings, .. OfficeSettings.For(shared, chosen.Office.Office.Id, chosen.Folder, OfficeDeployment.DataRoot(shared))];
    }

    private static async Task PrintAsync(OfficeDeployment deployment, TextWriter output)
    {
        if (deployment.IsSandbox)
        {
            await output.WriteLineAsync($"KinerjaBot local sandbox: no bot token is set for any of the {deployment.Offices.Count} offices, so each runs against a Telegram-compatible server of its own on this computer. Nothing is sent to Telegram.");
            foreach (var office in deployment.Offices)
            {
                var sandbox = office.Sandbox!;
                await output.WriteLineAsync($"  {office.Configuration.Office.Name} ({office.Id}): open {sandbox.PageUrl} — {office.Configuration.Officials.Count} officials, {office.Configuration.Units.Count} units; data in {sandbox.DataDirectory}");
            }

            await output.WriteLineAsync($"  Press Ctrl+C to stop. To use real Telegram, give every office its own bot token: {OfficeSettings.EnvironmentPrefix("<office-id>")}Telegram__BotToken.");
            return;
        }

        foreach (var office in deployment.Offices)
        {
            await KinerjaBotApp.PrintSummaryAsync(office.Host, output);
        }

        foreach (var listener in deployment.WebhookListeners)
        {
            await output.WriteLineAsync($"Webhooks of every office on {listener}; health at /healthz and /healthz/<office-id>");
        }
    }
}
