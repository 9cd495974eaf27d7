using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public sealed class PlausibilityTests
{
    private static string Show(decimal value) => IndonesianFormat.Number(value);

    [Theory]
    [InlineData(10, 3, null, "lebih dari 3 kali target (3)")]
    [InlineData(0.9, 3, null, "kurang dari sepertiga target (3)")]
    [InlineData(0, 80, null, "kurang dari sepertiga target (80)")]
    [InlineData(28, 80, 90.0, "jauh berbeda dari realisasi periode lalu (90)")]
    [InlineData(40, 30, 12.0, "jauh berbeda dari realisasi periode lalu (12)")]
    public void A_value_far_from_its_target_or_last_period_is_questioned_with_why(double value, double target, double? lastPeriod, string concern) =>
        Assert.Equal(concern, Plausibility.Concern((decimal)value, (decimal)target, (decimal?)lastPeriod, Show));

    [Theory]
    [InlineData(9, 3, null)]
    [InlineData(1, 3, null)]
    [InlineData(5, 0, null)]
    [InlineData(60, 80, 90.0)]
    [InlineData(0, 0, 0.0)]
    public void A_value_within_three_times_either_way_is_not_questioned(double value, double target, double? lastPeriod) =>
        Assert.Null(Plausibility.Concern((decimal)value, (decimal)target, (decimal?)lastPeriod, Show));

    [Theory]
    [InlineData("x", true)]
    [InlineData("data belum", true)]
    [InlineData("ada rapat tambahan", false)]
    public void A_reason_needs_three_words_and_ten_letters(string reason, bool tooShort) =>
        Assert.Equal(tooShort, ReasonRule.IsTooShort(reason));
}
