using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class AchievementTests
{
    [Theory]
    [InlineData(80, 100, 80)]
    [InlineData(100, 100, 100)]
    [InlineData(150, 100, 150)]
    [InlineData(45, 20, 225)]
    [InlineData(0, 100, 0)]
    [InlineData(1, 3, 33.33)]
    [InlineData(2, 3, 66.67)]
    public void Higher_is_better_is_realisation_over_target_times_100(decimal realisation, decimal target, decimal expected)
    {
        Assert.Equal(expected, Achievement.Calculate(realisation, target, Polarity.Higher));
    }

    [Theory]
    [InlineData(80, 100, 120)]
    [InlineData(100, 100, 100)]
    [InlineData(0, 100, 200)]
    [InlineData(150, 100, 50)]
    [InlineData(200, 100, 0)]
    [InlineData(350, 100, 0)]
    [InlineData(1, 3, 166.67)]
    public void Lower_is_better_is_two_minus_the_ratio_times_100_and_never_below_zero(decimal realisation, decimal target, decimal expected)
    {
        Assert.Equal(expected, Achievement.Calculate(realisation, target, Polarity.Lower));
    }

    [Fact]
    public void A_higher_is_better_target_of_zero_has_no_percentage_and_is_shown_as_a_dash()
    {
        var achievement = Achievement.Calculate(5m, 0m, Polarity.Higher);

        Assert.Null(achievement);
        Assert.Equal("–", IndonesianFormat.Percent(achievement));
    }

    [Fact]
    public void A_lower_is_better_target_of_zero_met_with_zero_cases_is_one_hundred_percent_and_sangat_baik()
    {
        var achievement = Achievement.Calculate(0m, 0m, Polarity.Lower);

        Assert.Equal(100m, achievement);
        Assert.Equal("Sangat Baik", RatingBands.Default.Rate(achievement)!.Label);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0.5)]
    [InlineData(40)]
    public void A_lower_is_better_target_of_zero_with_any_case_is_missed_zero_percent_and_the_lowest_predikat(decimal realisation)
    {
        var achievement = Achievement.Calculate(realisation, 0m, Polarity.Lower);

        Assert.Equal(0m, achievement);
        Assert.Equal("0", IndonesianFormat.Percent(achievement));
        Assert.Equal(RatingBands.Default.Bands[^1], RatingBands.Default.Rate(achievement));
    }

    [Theory]
    [InlineData(0.12345, 100, 0.12)]
    [InlineData(0.12345, 1000, 0.01)]
    [InlineData(1.005, 1, 100.5)]
    [InlineData(0.00125, 1, 0.13)]
    [InlineData(0.00135, 1, 0.14)]
    public void The_percentage_is_rounded_to_two_decimals_with_halves_away_from_zero(decimal realisation, decimal target, decimal expected)
    {
        Assert.Equal(expected, Achievement.Calculate(realisation, target, Polarity.Higher));
    }

    [Fact]
    public void A_negative_realisation_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Achievement.Calculate(-1m, 10m, Polarity.Higher));
    }
}
