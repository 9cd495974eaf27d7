using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public sealed class RollupResultTests
{
    private static readonly IReadOnlyList<(Period, decimal)> Months =
        [(Period.Month(2026, 7), 12m), (Period.Month(2026, 8), 9m), (Period.Month(2026, 9), 15m)];

    [Fact]
    public void A_sum_says_which_months_it_added_and_how()
    {
        var result = RollupResult.Compute(RollupRule.Sum, Months, IndicatorKind.Integer);

        Assert.Equal(36m, result.Value);
        Assert.Equal("Jumlah Juli–September: 12 + 9 + 15 = 36", result.Explanation);
    }

    [Fact]
    public void Last_takes_the_latest_period_and_still_shows_the_others()
    {
        var result = RollupResult.Compute(RollupRule.Last, [(Period.Quarter(2026, 1), 40m), (Period.Quarter(2026, 2), 62.5m)], IndicatorKind.Percent);

        Assert.Equal(62.5m, result.Value);
        Assert.Equal("Nilai terakhir TW I–TW II (TW I 40; TW II 62,5): 62,5", result.Explanation);
    }

    [Fact]
    public void An_average_of_whole_numbers_is_rounded_for_a_whole_number_indicator_but_kept_for_a_number()
    {
        var parts = new (Period, decimal)[] { (Period.Month(2026, 7), 1m), (Period.Month(2026, 8), 2m) };

        Assert.Equal(2m, RollupResult.Compute(RollupRule.Average, parts, IndicatorKind.Integer).Value);
        Assert.Equal("Rata-rata Juli–Agustus: (1 + 2) / 2 = 1,5", RollupResult.Compute(RollupRule.Average, parts, IndicatorKind.Number).Explanation);
    }

    [Theory]
    [InlineData("2026-TW3", PeriodKind.Month, "2026-07 2026-08 2026-09")]
    [InlineData("2026-S2", PeriodKind.Quarter, "2026-TW3 2026-TW4")]
    [InlineData("2026-S2", PeriodKind.Month, "2026-07 2026-08 2026-09 2026-10 2026-11 2026-12")]
    [InlineData("2026", PeriodKind.Semester, "2026-S1 2026-S2")]
    [InlineData("2026", PeriodKind.Quarter, "2026-TW1 2026-TW2 2026-TW3 2026-TW4")]
    public void A_period_is_made_of_its_lower_periods_in_order(string period, PeriodKind lower, string expected)
    {
        Assert.Equal(expected, string.Join(' ', PeriodParts.Of(Period.Parse(period), lower).Select(p => p.Id)));
    }

    [Fact]
    public void The_nearest_lower_kind_the_indicator_is_asked_in_is_the_one_rolled_up()
    {
        var year = Period.OfYear(2026);

        Assert.Equal(PeriodKind.Quarter, PeriodParts.LowerKind(year, new HashSet<PeriodKind> { PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year }));
        Assert.Equal(PeriodKind.Month, PeriodParts.LowerKind(Period.Quarter(2026, 1), new HashSet<PeriodKind> { PeriodKind.Month, PeriodKind.Quarter }));
        Assert.Null(PeriodParts.LowerKind(Period.Quarter(2026, 1), new HashSet<PeriodKind> { PeriodKind.Quarter, PeriodKind.Year }));
    }
}
