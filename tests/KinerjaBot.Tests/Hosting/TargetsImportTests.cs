using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Hosting;
using KinerjaBot.Tests.Support;
using MiniExcelLibs;

namespace KinerjaBot.Tests.Hosting;

/// <summary><c>targets import</c>: the Perjanjian Kinerja sheet into config/targets.yaml, all or nothing.</summary>
public sealed class TargetsImportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TargetsImportTests()
    {
        Directory.CreateDirectory(ConfigDirectory);
        SampleOffice.CopyTo(ConfigDirectory);
    }

    private string ConfigDirectory => _temp.Combine("config");

    private string TargetsFile => Path.Combine(ConfigDirectory, "targets.yaml");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_good_workbook_sets_the_year_and_quarter_targets_the_bot_uses_after_a_restart()
    {
        var workbook = Workbook("pk-2026.xlsx",
            Row("IKU-1", 95, 62, 72, 82, 95),
            Row("IK-2.2", 100, 25, 25, 25, 25),
            Row("IK-5.2", 85, null, null, null, null));

        var (exit, output, error) = await RunAsync("targets", "import", "2026", workbook);

        Assert.True(exit == 0, error);
        Assert.Contains("Imported the 2026 targets of 3 indicator(s) from pk-2026.xlsx", output);
        Assert.Contains("Restart the bot", output);
        var office = OfficeConfigurationLoader.Load(ConfigDirectory);
        var iku1 = office.Indicators.Single(i => i.Code == "IKU-1");
        Assert.Equal(82m, iku1.TargetFor(Period.Quarter(2026, 3)));
        Assert.Equal(95m, iku1.TargetFor(Period.OfYear(2026)));
        var ikm = office.Indicators.Single(i => i.Code == "IK-5.2");
        Assert.Equal((85m, 80m), (ikm.TargetFor(Period.OfYear(2026)), ikm.TargetFor(Period.Semester(2026, 1))));

        // An indicator left out of the workbook keeps the targets of indicators.yaml.
        Assert.Equal(70m, office.Indicators.Single(i => i.Code == "IKU-2").TargetFor(Period.Quarter(2026, 3)));
    }

    [Fact]
    public async Task A_broken_workbook_is_refused_with_every_problem_by_row_and_column_and_nothing_changes()
    {
        await RunAsync("targets", "import", "2026", Workbook("good.xlsx", Row("IKU-1", 95, 62, 72, 82, 95)));
        var before = await File.ReadAllTextAsync(TargetsFile);
        var broken = Workbook("broken.xlsx",
            new Dictionary<string, object?> { ["Kode"] = "IKU-1", ["Target Tahun"] = 96, ["TW1"] = "dua puluh", ["TW2"] = 70, ["TW4"] = 96 },
            new Dictionary<string, object?> { ["Kode"] = "IK-9.9", ["Target Tahun"] = 10, ["TW1"] = 1, ["TW2"] = 2, ["TW4"] = 4 },
            new Dictionary<string, object?> { ["Kode"] = "IK-1.1", ["Target Tahun"] = 12, ["TW1"] = 3.5, ["TW2"] = 3, ["TW4"] = 3 });

        var (exit, _, error) = await RunAsync("targets", "import", "2026", broken);

        Assert.Equal(KinerjaBotApp.ImportRefused, exit);
        Assert.Contains("broken.xlsx was not imported and nothing was changed; 4 problem(s)", error);
        Assert.Contains("row 1: missing column 'TW3'; the header row needs code, year target, TW1, TW2, TW3, TW4 (found: Kode, Target Tahun, TW1, TW2, TW4)", error);
        Assert.Contains("row 2, column C (TW1): 'dua puluh' is not a number; write a plain number such as 72.5", error);
        Assert.Contains("row 3, column A (code): unknown indicator code 'IK-9.9'", error);
        Assert.Contains("row 4, column C (TW1): 'IK-1.1' counts whole numbers but its target for 2026-TW1 is 3.5", error);
        Assert.Equal(before, await File.ReadAllTextAsync(TargetsFile));
        Assert.Equal(95m, OfficeConfigurationLoader.Load(ConfigDirectory).Indicators.Single(i => i.Code == "IKU-1").TargetFor(Period.OfYear(2026)));
    }

    [Fact]
    public async Task A_targets_file_naming_an_unknown_indicator_stops_the_bot_with_file_and_line()
    {
        await File.WriteAllTextAsync(TargetsFile, "targets:\n  IKU-1: { 2026: 90 }\n  IK-9.9: { 2026: 5 }\n");

        var problem = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(ConfigDirectory)).Message;

        Assert.Contains($"{TargetsFile}, line 3: targets.yaml has targets for 'IK-9.9', which is not an indicator code in indicators.yaml", problem);
    }

    private static Dictionary<string, object?> Row(string code, decimal year, decimal? tw1, decimal? tw2, decimal? tw3, decimal? tw4) => new()
    {
        ["Kode"] = code,
        ["Target Tahun"] = year,
        ["TW1"] = tw1,
        ["TW2"] = tw2,
        ["TW3"] = tw3,
        ["TW4"] = tw4,
    };

    private string Workbook(string name, params Dictionary<string, object?>[] rows)
    {
        var path = _temp.Combine(name);
        MiniExcel.SaveAs(path, rows);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await KinerjaBotApp.RunAsync(
            [.. args, "--KinerjaBot:ConfigDirectory=" + ConfigDirectory, "--KinerjaBot:DataDirectory=" + _temp.Combine("data"), "--Logging:LogLevel:Default=Warning"],
            output,
            error);
        return (exit, output.ToString(), error.ToString());
    }
}
