using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public sealed class AnswerExampleTests
{
    [Theory]
    [InlineData(IndicatorKind.Integer, 3, "3")]
    [InlineData(IndicatorKind.Integer, 24, "22")]
    [InlineData(IndicatorKind.Percent, 80, "71,5")]
    [InlineData(IndicatorKind.Percent, 100, "89,5")]
    [InlineData(IndicatorKind.Number, 2.5, "2,3")]
    [InlineData(IndicatorKind.Number, 3, "2,7")]
    public void An_example_is_drawn_from_the_target_and_kind(IndicatorKind kind, double target, string expected)
    {
        Assert.Equal(expected, AnswerExample.For(kind, (decimal)target));
    }

    [Theory]
    [InlineData(IndicatorKind.Integer)]
    [InlineData(IndicatorKind.Percent)]
    [InlineData(IndicatorKind.Number)]
    public void No_example_is_refused_or_questioned_by_the_parser_for_any_target(IndicatorKind kind)
    {
        foreach (var target in new decimal?[] { null, 0m, 0.01m, 0.5m, 1m, 2.5m, 3m, 8m, 40m, 99.9m, 100m, 1250m })
        {
            if (kind == IndicatorKind.Percent && target > 100 || kind == IndicatorKind.Integer && target is { } t && t != Math.Truncate(t))
            {
                continue;
            }

            var example = AnswerExample.For(kind, target);
            Assert.True(IndicatorValueParser.Parse(example, kind, target).IsAccepted, $"{kind} target {target}: {example}");
        }
    }

    [Fact]
    public void A_percent_example_shows_a_decimal_comma_and_stays_at_most_100()
    {
        foreach (var target in new decimal[] { 10m, 50m, 70m, 100m })
        {
            var example = AnswerExample.For(IndicatorKind.Percent, target);
            Assert.Contains(",", example);
            Assert.True(IndicatorValueParser.Parse(example, IndicatorKind.Percent).Value <= 100m);
        }
    }
}
