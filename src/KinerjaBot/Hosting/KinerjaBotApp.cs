using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.Periods;
using KinerjaBot.Storage;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// The command line: no verb runs the bot (against Telegram with a token, else in the local sandbox); <c>demo</c>
/// plays a whole period in the sandbox; <c>period open</c> opens a period; <c>workflow diagram</c> prints the
/// workflows; <c>verify</c> checks a PDF (or a printed copy's code) against the archive. Configuration mistakes end with one readable message and exit code 2, never a stack trace.
/// </summary>
public static class KinerjaBotApp
{
    public const int ConfigurationError = 2;
    public const int UsageError = 64;
    public const int SandboxPortUnavailable = 3;
    public const int BotStoppedItself = 1;

    /// <summary><c>verify</c>: the file is not exactly a signed, archived report (or the code is not one's).</summary>
    public const int NotVerified = 4;

    /// <summary><c>targets import</c>: the workbook has problems (each listed); nothing was changed.</summary>
    public const int ImportRefused = 5;

    private const string Usage = """
        Usage:
          dotnet run --project src/KinerjaBot                          run the bot (no Telegram:BotToken: a local sandbox with a chat page)
          dotnet run --project src/KinerjaBot -- demo [data-folder]    play a whole period in the sandbox, print the PDF path
          dotnet run --project src/KinerjaBot -- period open 2026-TW3  open a period (messages go out when the bot runs)
          dotnet run --project src/KinerjaBot -- workflow diagram      print the workflows as Mermaid
          dotnet run --project src/KinerjaBot -- targets import 2026 FILE.xlsx   take the year's targets and TW1–TW4 from the Perjanjian Kinerja sheet
          dotnet run --project src/KinerjaBot -- verify FILE.pdf       is this exactly the signed, archived report? (exit 0 yes, 4 no)
          dotnet run --project src/KinerjaBot -- verify "KINERJABOT-VERIFIKASI v1|…"   check the code scanned from a printed copy's QR
        Settings: appsettings.json or environment variables (Telegram__BotToken, KinerjaBot__ConfigDirectory, KinerjaBot__DataDirectory, Sandbox__Port).
        Several offices (config/<office-id>/office.yaml): each has its bot token in Offices__<office_id>__Telegram__BotToken; a command names its office with --office=<office-id>.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // Verbs are plain words; settings are --Key=value. Only settings go to the configuration system.
        var verbs = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var settings = args.Skip(verbs.Length).ToArray();
        try
        {
            var builder = CreateBuilder(settings);
            var layout = ConfigurationLayout.Detect(OfficeDeployment.ConfigDirectory(builder.Configuration));
            if (layout.HasOfficeFolders)
            {
                // Several offices: no verb runs them all; a verb is for the one --office names (decisions/0017).
                if (verbs.Length == 0)
                {
                    return await SeveralOfficesCommand.RunAsync(settings, output, error, cancellationToken);
                }

                settings = await SeveralOfficesCommand.SettingsForOneOfficeAsync(layout, settings, builder.Configuration, error) ?? [];
                if (settings.Length == 0)
                {
                    return UsageError;
                }

                builder = CreateBuilder(settings);
            }

            var hasToken = !string.IsNullOrWhiteSpace(builder.Configuration["Telegram:BotToken"]);
            if (verbs.Length == 0 && !hasToken)
            {
                return await RunSandboxAsync(settings, output, error, cancellationToken);
            }

            if (verbs.Length == 0)
            {
                builder.Services.AddTelegramChannel();

                // Under systemd (Type=notify) it tells systemd when the bot is up and when it stops; elsewhere it does nothing.
                builder.Services.AddSystemd();
            }

            using var host = builder.Build();
            switch (verbs)
            {
                case []:
                    await PrintSummaryAsync(host, output);
                    var outcome = host.Services.GetRequiredService<BotRunOutcome>();
                    await host.RunAsync(cancellationToken);
                    if (outcome.Failure is { } failure)
                    {
                        await error.WriteLineAsync(failure);
                        return BotStoppedItself;
                    }

                    return 0;
                case ["demo", .. var demoFolder] when demoFolder.Length <= 1:
                    return await RunDemoAsync(host, demoFolder.FirstOrDefault(), output, error, cancellationToken);
                case ["period", "open", var periodId]:
                    return await OpenPeriodAsync(host, periodId, output, error, cancellationToken);
                case ["verify", var target]:
                    return await VerifyAsync(host, target, output, error, cancellationToken);
                case ["targets", "import", var year, var workbook]:
                    return await TargetsImportCommand.RunAsync(host, year, workbook, output, error);
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
        catch (DataStoreException e)
        {
            await error.WriteLineAsync(e.Message);
            return ConfigurationError;
        }
    }

    /// <summary>The host with every bot service; settings are <c>--Key=value</c> arguments over appsettings.json and the environment.</summary>
    public static HostApplicationBuilder CreateBuilder(string[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = settings,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddKinerjaBot(builder.Configuration);
        return builder;
    }

    private static async Task<int> RunSandboxAsync(string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SandboxRunner sandbox;
        try
        {
            sandbox = await SandboxRunner.StartAsync(settings, cancellationToken: cancellationToken);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as an IOException; say what to change rather than print a stack trace.
            await error.WriteLineAsync($"The sandbox could not listen on 127.0.0.1: {e.Message}");
            await error.WriteLineAsync("Another program (or another sandbox) uses the port. Stop it, or pick another port: --Sandbox:Port=5081 (0 = any free port).");
            return SandboxPortUnavailable;
        }

        await using (sandbox)
        {
            var office = sandbox.Office;
            await output.WriteLineAsync("KinerjaBot local sandbox: no Telegram:BotToken is set, so the bot runs against a Telegram-compatible server on this computer. Nothing is sent to Telegram.");
            await output.WriteLineAsync($"  Open {sandbox.PageUrl} in a browser, pick an official and chat with the bot as them.");
            await output.WriteLineAsync($"  Office: {office.Office.Name}, {office.Officials.Count} officials, {office.Units.Count} units, {office.Indicators.Count} indicators.");
            await output.WriteLineAsync($"  Data directory: {sandbox.DataDirectory}");
            await output.WriteLineAsync($"  Bot API for this run: {sandbox.Server.BaseUrl}/bot{sandbox.Server.Token}/<method> (the token is new on every run; other web pages are refused).");
            await output.WriteLineAsync("  Press Ctrl+C to stop. To use real Telegram instead, set Telegram__BotToken to a token from @BotFather.");
            await sandbox.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

    private static async Task<int> OpenPeriodAsync(IHost host, string periodId, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!Period.TryParse(periodId, out var period))
        {
            await error.WriteLineAsync($"'{periodId}' is not a period id. Use 2026-01…2026-12, 2026-TW1…2026-TW4, 2026-S1, 2026-S2 or 2026.");
            return UsageError;
        }

        var store = host.Services.GetRequiredService<KinerjaStore>();
        var office = host.Services.GetRequiredService<OfficeConfiguration>();
        await using var transaction = await store.BeginAsync(cancellationToken);

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var result = await host.Services.GetRequiredService<PeriodOpening>().OpenAsync(transaction, period, "@command-line", now, cancellationToken);
        var notified = result.Status == PeriodOpeningStatus.Opened
            ? await host.Services.GetRequiredService<PeriodAnnouncer>().AnnounceAsync(transaction, result, now, cancellationToken)
            : 0;
        var draftSent = result.Status == PeriodOpeningStatus.FormatDrafted
            && await host.Services.GetRequiredService<Conversations.FormatApprovalFlow>().SendDraftAsync(
                transaction, (await transaction.Workflows.GetAsync(result.FormatApprovalId!.Value, cancellationToken))!, now, cancellationToken);
        var closed = result.Status == PeriodOpeningStatus.AlreadyOpen && await transaction.Closures.IsClosedAsync(period.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        switch (result.Status)
        {
            case PeriodOpeningStatus.FormatDrafted:
                await output.WriteLineAsync($"Opened {period.Id} ({period.DisplayName}) with format approval: the draft format goes to {office.Official(office.Roles.PlanningId).Name}"
                    + (draftSent ? " when the bot runs." : " once they register.")
                    + " The unit heads are asked to fill once the head has signed it.");
                return 0;
            case PeriodOpeningStatus.AlreadyOpen when closed:
                await error.WriteLineAsync($"Period {period.Id} ({period.DisplayName}) was closed with /tutup. An operator opens it again in the chat with /buka {period.Id}, so the unit heads are told.");
                return UsageError;
            case PeriodOpeningStatus.AlreadyOpen:
                await error.WriteLineAsync($"Period {period.Id} ({period.DisplayName}) is already open.");
                return UsageError;
            case PeriodOpeningStatus.NoIndicators:
                await error.WriteLineAsync($"No indicator in indicators.yaml has a target for {period.Id}; add targets first.");
                return UsageError;
            default:
                await output.WriteLineAsync($"Opened {period.Id} ({period.DisplayName}) for {result.Units} units; fill deadline {IndonesianFormat.DateTime(result.FillDeadline!.Value, office.Office.TimeZone)}.");
                await output.WriteLineAsync($"{notified} unit heads have a registered chat and get the opening message when the bot runs; the others get it when they register.");
                return 0;
        }
    }

    private static async Task<int> RunDemoAsync(IHost host, string? dataFolder, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var office = host.Services.GetRequiredService<OfficeConfiguration>();
        var options = host.Services.GetRequiredService<IOptions<KinerjaBotOptions>>().Value;

        // A fresh folder each run, so the demo always starts from an empty office.
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var data = dataFolder ?? Path.Combine(Path.GetTempPath(), $"kinerjabot-demo-{now:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..48]);
        try
        {
            var pdf = await new DemoRunner(office, output).RunAsync(Path.GetFullPath(options.ConfigDirectory), data, Period.Quarter(2026, 3), cancellationToken);
            await output.WriteLineAsync($"Final PDF: {pdf}");
            return 0;
        }
        catch (TimeoutException e)
        {
            await error.WriteLineAsync($"The demo stalled waiting for the bot: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> VerifyAsync(IHost host, string target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var verifier = host.Services.GetRequiredService<Reports.ReportVerifier>();
        var isLine = target.StartsWith(Reports.ReportVerificationLine.Marker, StringComparison.Ordinal);
        if (!isLine && !File.Exists(target))
        {
            await error.WriteLineAsync($"No such file: '{Path.GetFullPath(target)}'. Give the PDF to check, or the text of a printed copy's QR code in quotes.");
            return UsageError;
        }

        var result = isLine ? verifier.VerifyLine(target) : verifier.VerifyFile(await File.ReadAllBytesAsync(target, cancellationToken));
        var verified = result.Status == Reports.ReportVerificationStatus.Verified;
        await (verified ? output : error).WriteAsync(VerificationConsoleText.Describe(result, isLine, verifier.ReportsFolder));
        return verified ? 0 : NotVerified;
    }

    internal static async Task PrintSummaryAsync(IHost host, TextWriter output)
    {
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
    }
}
