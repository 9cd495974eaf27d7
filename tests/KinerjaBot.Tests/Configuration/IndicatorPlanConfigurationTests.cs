using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

public sealed class IndicatorPlanConfigurationTests : IDisposable
{
    private const string SharesPlan = "plan: { 2026: [25%, 50%, 75%, 100%] }";

    private readonly TempDirectory _config = new();

    public IndicatorPlanConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void A_plan_of_cumulative_shares_gives_a_summed_indicator_each_quarters_own_part()
    {
        var patrols = SampleOffice.Configuration.Indicators.Single(i => i.Code == "IK-2.2");

        Assert.Equal([24m, 24m, 24m, 24m], Enumerable.Range(1, 4).Select(q => patrols.TargetFor(Period.Quarter(2026, q))!.Value));
        Assert.Equal(96m, patrols.TargetFor(Period.OfYear(2026)));
    }

    [Fact]
    public void A_plan_of_cumulative_values_is_the_quarter_targets_of_a_percentage_as_written()
    {
        Edit("    rollup: average\n    targets: { 2026-01", "    rollup: last\n    targets: { 2026-01");
        Edit("2026-TW1: 95, 2026-TW2: 95, 2026-TW3: 95, 2026-TW4: 95, 2026-S1", "2026-S1");
        Edit("2026-S2: 95, 2026: 95 }", "2026-S2: 95, 2026: 95 }\n    plan: { 2026: [80, 85, 90, 95] }");

        var attendance = OfficeConfigurationLoader.Load(_config.Path).Indicators.Single(i => i.Code == "IK-5.1");

        Assert.Equal([80m, 85m, 90m, 95m], Enumerable.Range(1, 4).Select(q => attendance.TargetFor(Period.Quarter(2026, q))!.Value));
    }

    [Fact]
    public void A_plan_that_does_not_reach_the_year_target_is_reported_with_its_line()
    {
        var line = Edit(SharesPlan, "plan: { 2026: [25%, 50%, 75%, 90%] }");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"line {line}: indicator 'IK-2.2' has a plan for 2026 that ends at 86.4 by TW4, not at the year's target 96", message);
    }

    [Fact]
    public void A_share_that_gives_a_fraction_of_a_whole_number_is_reported()
    {
        var line = Edit(SharesPlan, "plan: { 2026: [10%, 50%, 75%, 100%] }");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"line {line}: indicator 'IK-2.2' counts whole numbers but its plan gives 2026-TW1 a target of 9.6", message);
    }

    [Fact]
    public void A_quarter_given_both_in_targets_and_in_the_plan_is_reported()
    {
        Edit("targets: { 2026: 96 }", "targets: { 2026-TW2: 24, 2026: 96 }");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains("indicator 'IK-2.2' has both a target and a plan for 2026-TW2", message);
    }

    private int Edit(string original, string replacement) => ConfigFileEdit.Replace(_config.Path, "indicators.yaml", original, replacement);
}
