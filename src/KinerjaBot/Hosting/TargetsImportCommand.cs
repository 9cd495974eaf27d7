using System.Globalization;
using KinerjaBot.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// <c>targets import 2026 FILE.xlsx</c>: the operator's import of the Perjanjian Kinerja targets into
/// <c>config/targets.yaml</c>. All or nothing: any problem in the workbook is listed by row and column and the file is
/// left as it was. The running bot reads its configuration at start, so it uses new targets after a restart.
/// </summary>
internal static class TargetsImportCommand
{
    public static async Task<int> RunAsync(IHost host, string yearText, string workbookPath, TextWriter output, TextWriter error)
    {
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2999)
        {
            await error.WriteLineAsync($"'{yearText}' is not a year. Write e.g. 'targets import 2026 pk-2026.xlsx'.");
            return KinerjaBotApp.UsageError;
        }

        if (!File.Exists(workbookPath))
        {
            await error.WriteLineAsync($"No such file: '{Path.GetFullPath(workbookPath)}'. Give the .xlsx with one row per indicator (code, year target, TW1–TW4).");
            return KinerjaBotApp.UsageError;
        }

        var office = host.Services.GetRequiredService<OfficeConfiguration>();
        TargetsImport import;
        await using (var workbook = File.OpenRead(workbookPath))
        {
            import = TargetsWorkbook.Read(workbook, year, office);
        }

        if (!import.Succeeded)
        {
            await error.WriteLineAsync($"{Path.GetFileName(workbookPath)} was not imported and nothing was changed; {import.Problems.Count} problem(s) to fix in the workbook:");
            foreach (var problem in import.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }

            return KinerjaBotApp.ImportRefused;
        }

        var configDirectory = host.Services.GetRequiredService<IOptions<KinerjaBotOptions>>().Value.ConfigDirectory;
        var written = ImportedTargets.Write(configDirectory, year, import.Targets, workbookPath);

        // Read back through the loader: what the bot will use at its next start, checked the same way.
        OfficeConfigurationLoader.Load(configDirectory);
        await output.WriteLineAsync($"Imported the {year} targets of {import.Targets.Count} indicator(s) from {Path.GetFileName(workbookPath)} into {Path.GetFullPath(written)}.");
        var untouched = office.Indicators.Where(i => !import.Targets.ContainsKey(i.Code)).Select(i => i.Code).ToList();
        if (untouched.Count > 0)
        {
            await output.WriteLineAsync($"Not in the workbook, targets unchanged: {string.Join(", ", untouched)}.");
        }

        await output.WriteLineAsync("Restart the bot so it uses them: the configuration is read at start (periods already open show the new targets from then on).");
        return 0;
    }
}
