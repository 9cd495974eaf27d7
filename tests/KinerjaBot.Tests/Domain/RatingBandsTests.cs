using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class RatingBandsTests
{
    [Theory]
    [InlineData(0, "Sangat Kurang")]
    [InlineData(50, "Sangat Kurang")]
    [InlineData(50.99, "Sangat Kurang")]
    [InlineData(51, "Kurang")]
    [InlineData(65, "Kurang")]
    [InlineData(65.5, "Kurang")]
    [InlineData(66, "Cukup")]
    [InlineData(75, "Cukup")]
    [InlineData(75.99, "Cukup")]
    [InlineData(76, "Baik")]
    [InlineData(90, "Baik")]
    [InlineData(90.5, "Baik")]
    [InlineData(90.99, "Baik")]
    [InlineData(91, "Sangat Baik")]
    [InlineData(100, "Sangat Baik")]
    [InlineData(225, "Sangat Baik")]
    public void The_default_scale_starts_each_band_exactly_at_its_lower_bound(decimal achievement, string expected)
    {
        Assert.Equal(expected, RatingBands.Default.Rate(achievement).Label);
    }

    [Fact]
    public void No_capaian_has_no_rating()
    {
        Assert.Null(RatingBands.Default.Rate((decimal?)null));
    }

    [Fact]
    public void A_configured_scale_is_used_in_place_of_the_default_whatever_order_it_is_given_in()
    {
        var bands = new RatingBands([new Rating("Tidak Tercapai", 0m), new Rating("Tercapai", 100m)]);

        Assert.Equal("Tercapai", bands.Rate(100m).Label);
        Assert.Equal("Tidak Tercapai", bands.Rate(99.99m).Label);
        Assert.Equal(["Tercapai", "Tidak Tercapai"], bands.Bands.Select(band => band.Label));
    }

    [Fact]
    public void A_capaian_below_the_lowest_bound_still_gets_the_lowest_band()
    {
        var bands = new RatingBands([new Rating("Baik", 80m), new Rating("Kurang", 40m)]);

        Assert.Equal("Kurang", bands.Rate(10m).Label);
    }

    [Fact]
    public void A_scale_with_no_bands_a_blank_label_or_a_repeated_bound_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new RatingBands([]));
        Assert.Throws<ArgumentException>(() => new RatingBands([new Rating(" ", 0m)]));
        Assert.Throws<ArgumentException>(() => new RatingBands([new Rating("Baik", 50m), new Rating("Cukup", 50m)]));
    }

    [Fact]
    public void The_default_scale_cannot_be_changed_by_a_caller()
    {
        Assert.False(RatingBands.Default.Bands is Rating[]);
    }
}
