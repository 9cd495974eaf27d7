using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class DeadlineDurationTests
{
    [Theory]
    [InlineData("3d", 3, 0)]
    [InlineData("1d", 1, 0)]
    [InlineData(" 3D ", 3, 0)]
    [InlineData("12h", 0, 12 * 3600)]
    [InlineData("30m", 0, 30 * 60)]
    [InlineData("10s", 0, 10)]
    [InlineData("10000d", 10_000, 0)]
    public void A_duration_from_the_office_configuration_is_read(string text, int workingDays, int seconds)
    {
        Assert.True(DeadlineDuration.TryParse(text, out var duration));

        Assert.Equal(workingDays, duration.WorkingDays);
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration.ClockTime);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("d")]
    [InlineData("3")]
    [InlineData("0d")]
    [InlineData("-1d")]
    [InlineData("+3d")]
    [InlineData("3x")]
    [InlineData("3 d")]
    [InlineData("1.5h")]
    [InlineData("3dd")]
    [InlineData("10001d")]
    [InlineData("3 hari")]
    public void A_malformed_duration_is_refused(string? text)
    {
        Assert.False(DeadlineDuration.TryParse(text, out var duration));
        Assert.Equal(default, duration);
    }

    [Theory]
    [InlineData("3d", "3d")]
    [InlineData("12h", "12h")]
    [InlineData("30m", "30m")]
    [InlineData("10s", "10s")]
    [InlineData("60m", "1h")]
    [InlineData("90s", "90s")]
    [InlineData("120s", "2m")]
    public void A_duration_is_written_back_in_its_shortest_config_form(string text, string written)
    {
        Assert.True(DeadlineDuration.TryParse(text, out var duration));

        Assert.Equal(written, duration.ToString());
        Assert.True(DeadlineDuration.TryParse(duration.ToString(), out var again));
        Assert.Equal(duration, again);
    }

    [Fact]
    public void The_help_text_gives_examples()
    {
        Assert.Contains("3d", DeadlineDuration.Help, StringComparison.Ordinal);
        Assert.Contains("12h", DeadlineDuration.Help, StringComparison.Ordinal);
    }
}
