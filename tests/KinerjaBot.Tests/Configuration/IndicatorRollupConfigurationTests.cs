using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

public sealed class IndicatorRollupConfigurationTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public IndicatorRollupConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Without_a_rollup_key_counts_are_summed_percentages_take_the_last_value_and_other_numbers_are_averaged()
    {
        var office = SampleOffice.Configuration;

        Assert.Equal(RollupRule.Sum, office.Indicators.Single(i => i.Code == "IK-1.1").Rollup);
        Assert.Equal(RollupRule.Last, office.Indicators.Single(i => i.Code == "IKU-1").Rollup);
        Assert.Equal(RollupRule.Average, office.Indicators.Single(i => i.Code == "IK-1.2").Rollup);
        Assert.Equal(RollupRule.Average, office.Indicators.Single(i => i.Code == "IK-5.1").Rollup);
    }

    [Fact]
    public void An_unknown_rollup_word_is_reported_with_its_file_line_and_the_words_to_use()
    {
        var line = Edit("rollup: sum", "rollup: total");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"{Path.Combine(_config.Path, "indicators.yaml")}, line {line}: indicator 'IK-5.3' has rollup 'total', which is not a known word", message);
        Assert.Contains("write one of: sum, last, average, none", message);
    }

    [Fact]
    public void Summing_a_percentage_is_refused_with_the_rules_that_fit()
    {
        var line = Edit("rollup: average", "rollup: sum");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"line {line}: indicator 'IK-5.1' is a percent, and percentages of months or quarters cannot be added up", message);
        Assert.Contains("write 'rollup: last'", message);
    }

    [Fact]
    public void The_measurement_cap_defaults_to_120_and_one_below_100_is_reported_with_its_line()
    {
        Assert.Equal(120m, SampleOffice.Configuration.CapaianCap);
        var line = ConfigFileEdit.Replace(_config.Path, "office.yaml", "# capaian_cap: 120", "capaian_cap: 90");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"{Path.Combine(_config.Path, "office.yaml")}, line {line}: capaian_cap '90' is not a percentage of at least 100", message);
    }

    private int Edit(string original, string replacement) => ConfigFileEdit.Replace(_config.Path, "indicators.yaml", original, replacement);
}
