using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class IndicatorValueParserTests
{
    public static TheoryData<string, IndicatorKind, decimal> AcceptedInputs => new()
    {
        { "72,5", IndicatorKind.Number, 72.5m },
        { "72.5", IndicatorKind.Number, 72.5m },
        { "72,5", IndicatorKind.Percent, 72.5m },
        { "72.5", IndicatorKind.Percent, 72.5m },
        { "1.234", IndicatorKind.Number, 1234m },
        { "1.234", IndicatorKind.Integer, 1234m },
        { "1.234,5", IndicatorKind.Number, 1234.5m },
        { "1.234.567", IndicatorKind.Integer, 1234567m },
        { "1.234.567,25", IndicatorKind.Number, 1234567.25m },
        { "1234567", IndicatorKind.Integer, 1234567m },
        { "85%", IndicatorKind.Percent, 85m },
        { "85 %", IndicatorKind.Percent, 85m },
        { "85 persen", IndicatorKind.Percent, 85m },
        { "85persen", IndicatorKind.Percent, 85m },
        { "85 PERSEN", IndicatorKind.Percent, 85m },
        { "  85  ", IndicatorKind.Percent, 85m },
        { "\t12\n", IndicatorKind.Integer, 12m },
        { "1.5", IndicatorKind.Number, 1.5m },
        { "1.25", IndicatorKind.Number, 1.25m },
        { "0,5", IndicatorKind.Number, 0.5m },
        { "0.500", IndicatorKind.Number, 0.5m },
        { "1234.567", IndicatorKind.Number, 1234.567m },
        { "1,234", IndicatorKind.Number, 1.234m },
        { "1,234", IndicatorKind.Percent, 1.234m },
        { "0", IndicatorKind.Percent, 0m },
        { "0", IndicatorKind.Integer, 0m },
        { "-0", IndicatorKind.Integer, 0m },
        { "+5", IndicatorKind.Integer, 5m },
        { "007", IndicatorKind.Integer, 7m },
        { "100", IndicatorKind.Percent, 100m },
        { "100,0", IndicatorKind.Percent, 100m },
        { "12,0", IndicatorKind.Integer, 12m },
        { "3,1416", IndicatorKind.Number, 3.1416m },
        { "72,50000", IndicatorKind.Number, 72.5m },
        { "1.000.000.000.000", IndicatorKind.Integer, 1_000_000_000_000m },
    };

    [Theory]
    [MemberData(nameof(AcceptedInputs))]
    public void A_number_typed_the_Indonesian_way_is_accepted_as_the_value_meant(string input, IndicatorKind kind, decimal expected)
    {
        var result = IndicatorValueParser.Parse(input, kind, target: null);

        Assert.True(result.IsAccepted, $"'{input}' was not accepted: {result.Problem} {result.Message}");
        Assert.Equal(IndicatorValueStatus.Accepted, result.Status);
        Assert.Equal(expected, result.Value);
        Assert.Null(result.Problem);
        Assert.Empty(result.Message);
    }

    public static TheoryData<string, IndicatorKind, IndicatorValueProblem> RefusedInputs => new()
    {
        { "", IndicatorKind.Number, IndicatorValueProblem.Empty },
        { "   ", IndicatorKind.Number, IndicatorValueProblem.Empty },
        { "\n\t", IndicatorKind.Percent, IndicatorValueProblem.Empty },
        { "tujuh puluh", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "tujuh", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "sekitar 70", IndicatorKind.Percent, IndicatorValueProblem.NotANumber },
        { "👍", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "85 👍", IndicatorKind.Percent, IndicatorValueProblem.NotANumber },
        { "NaN", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "Infinity", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "∞", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "1e9", IndicatorKind.Number, IndicatorValueProblem.ScientificNotation },
        { "0x10", IndicatorKind.Integer, IndicatorValueProblem.LetterInNumber },
        { "１２", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "1 234", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "1,2,3", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "1.2.3", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "12.", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "12,", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { ",5", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { ".5", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "1..5", IndicatorKind.Number, IndicatorValueProblem.NotANumber },
        { "%", IndicatorKind.Percent, IndicatorValueProblem.NotANumber },
        { "-", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "5-", IndicatorKind.Integer, IndicatorValueProblem.NotANumber },
        { "85%%", IndicatorKind.Percent, IndicatorValueProblem.NotANumber },
        { "-5", IndicatorKind.Integer, IndicatorValueProblem.Negative },
        { "-72,5", IndicatorKind.Number, IndicatorValueProblem.Negative },
        { "−3", IndicatorKind.Number, IndicatorValueProblem.Negative },
        { "- 5 %", IndicatorKind.Percent, IndicatorValueProblem.Negative },
        { "1.234", IndicatorKind.Percent, IndicatorValueProblem.AmbiguousSeparator },
        { "12.345", IndicatorKind.Percent, IndicatorValueProblem.AmbiguousSeparator },
        { "1,234.5", IndicatorKind.Number, IndicatorValueProblem.AmbiguousSeparator },
        { "12.34,5", IndicatorKind.Number, IndicatorValueProblem.AmbiguousSeparator },
        { "3,14159", IndicatorKind.Number, IndicatorValueProblem.TooManyDecimals },
        { "1000000000000,5", IndicatorKind.Number, IndicatorValueProblem.TooLarge },
        { "99999999999999999999999999999999", IndicatorKind.Number, IndicatorValueProblem.TooLarge },
        { "100,5", IndicatorKind.Percent, IndicatorValueProblem.PercentOver100 },
        { "100.5", IndicatorKind.Percent, IndicatorValueProblem.PercentOver100 },
        { "101%", IndicatorKind.Percent, IndicatorValueProblem.PercentOver100 },
        { "1.234,5", IndicatorKind.Percent, IndicatorValueProblem.PercentOver100 },
        { "2,5", IndicatorKind.Integer, IndicatorValueProblem.FractionNotAllowed },
        { "2.5", IndicatorKind.Integer, IndicatorValueProblem.FractionNotAllowed },
        { "85%", IndicatorKind.Integer, IndicatorValueProblem.PercentNotExpected },
        { "85 persen", IndicatorKind.Number, IndicatorValueProblem.PercentNotExpected },
        { new string('7', 33), IndicatorKind.Number, IndicatorValueProblem.TooLong },
        { new string('9', 10_000), IndicatorKind.Number, IndicatorValueProblem.TooLong },
        { string.Concat(Enumerable.Repeat("tujuh puluh ", 834)), IndicatorKind.Percent, IndicatorValueProblem.TooLong },
    };

    [Theory]
    [MemberData(nameof(RefusedInputs))]
    public void Input_that_could_be_misread_is_refused_with_its_reason_and_a_polite_Indonesian_message(string input, IndicatorKind kind, IndicatorValueProblem expected)
    {
        var result = IndicatorValueParser.Parse(input, kind, target: 50m);

        Assert.True(result.IsRefused, $"'{Shorten(input)}' was {result.Status} with value {result.Value}");
        Assert.Equal(expected, result.Problem);
        AssertPoliteIndonesianRefusal(result.Message);
    }

    [Fact]
    public void A_10000_character_string_is_refused_without_reading_it()
    {
        var result = IndicatorValueParser.Parse(new string('1', 10_000), IndicatorKind.Integer, target: 10m);

        Assert.Equal(IndicatorValueProblem.TooLong, result.Problem);
        Assert.Null(result.Value);
        Assert.Equal("Jawaban terlalu panjang. Mohon ketik angkanya saja, misalnya 12.", result.Message);
    }

    [Fact]
    public void A_null_answer_is_refused_as_empty()
    {
        var result = IndicatorValueParser.Parse(null, IndicatorKind.Number);

        Assert.Equal(IndicatorValueProblem.Empty, result.Problem);
        Assert.Equal("Jawaban masih kosong. Mohon ketik angkanya, misalnya 72,5.", result.Message);
    }

    [Fact]
    public void Words_get_the_plain_ask_for_a_number_with_an_example_for_the_indicator_kind()
    {
        Assert.Equal(
            "Maaf, jawaban itu belum terbaca sebagai angka. Mohon ketik angka saja, misalnya 72,5.",
            IndicatorValueParser.Parse("tujuh puluh", IndicatorKind.Number).Message);
        Assert.EndsWith("misalnya 85.", IndicatorValueParser.Parse("tujuh puluh", IndicatorKind.Percent).Message);
        Assert.EndsWith("misalnya 12.", IndicatorValueParser.Parse("tujuh puluh", IndicatorKind.Integer).Message);
    }

    [Fact]
    public void One_dot_234_for_a_percent_asks_for_a_decimal_comma_and_shows_the_decimal_reading()
    {
        var result = IndicatorValueParser.Parse("1.234", IndicatorKind.Percent, target: 80m);

        Assert.Equal(IndicatorValueProblem.AmbiguousSeparator, result.Problem);
        Assert.Equal("Angka 1.234 kurang jelas. Mohon pakai koma sebagai tanda desimal untuk persen, misalnya 1,234 atau 85,5.", result.Message);
    }

    [Fact]
    public void A_percent_over_100_is_refused_and_read_back_in_Indonesian_format()
    {
        var result = IndicatorValueParser.Parse("100.5", IndicatorKind.Percent);

        Assert.Equal(100.5m, result.Value);
        Assert.Contains("yang terbaca 100,5", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fraction_for_a_count_is_refused_and_read_back()
    {
        var result = IndicatorValueParser.Parse("2,5", IndicatorKind.Integer);

        Assert.Equal(2.5m, result.Value);
        Assert.Equal("Indikator ini diisi dengan bilangan bulat, tetapi yang terbaca 2,5. Mohon ketik tanpa koma, misalnya 12.", result.Message);
    }

    [Fact]
    public void A_negative_number_is_read_back_with_its_sign_but_refused()
    {
        var result = IndicatorValueParser.Parse("-5", IndicatorKind.Integer);

        Assert.True(result.IsRefused);
        Assert.Equal(-5m, result.Value);
    }

    [Theory]
    [InlineData("1.500", IndicatorKind.Integer, 400, 1500)]
    [InlineData("1201", IndicatorKind.Integer, 400, 1201)]
    [InlineData("30,01", IndicatorKind.Number, 10, 30.01)]
    [InlineData("95", IndicatorKind.Percent, 20, 95)]
    public void A_value_over_three_times_the_target_needs_confirmation_rather_than_refusal(string input, IndicatorKind kind, int target, decimal expected)
    {
        var result = IndicatorValueParser.Parse(input, kind, target);

        Assert.Equal(IndicatorValueStatus.NeedsConfirmation, result.Status);
        Assert.True(result.NeedsConfirmation);
        Assert.False(result.IsAccepted);
        Assert.Equal(expected, result.Value);
        Assert.Equal(IndicatorValueProblem.OverThreeTimesTarget, result.Problem);
        Assert.StartsWith("Apakah benar nilainya ", result.Message, StringComparison.Ordinal);
        Assert.Contains("lebih dari 3 kali target", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_confirmation_question_reads_back_the_value_and_the_target_in_Indonesian_format()
    {
        var result = IndicatorValueParser.Parse("1.500", IndicatorKind.Integer, target: 400m);

        Assert.Equal("Apakah benar nilainya 1.500? Angka ini lebih dari 3 kali target (400).", result.Message);
    }

    [Theory]
    [InlineData("1200", 400)]
    [InlineData("30", 10)]
    [InlineData("5", 0)]
    [InlineData("500", -1)]
    public void Exactly_three_times_the_target_or_no_positive_target_is_accepted_without_asking(string input, int target)
    {
        var result = IndicatorValueParser.Parse(input, IndicatorKind.Integer, target);

        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void Without_a_target_a_large_value_is_accepted()
    {
        Assert.True(IndicatorValueParser.Parse("1.000.000", IndicatorKind.Integer).IsAccepted);
    }

    [Fact]
    public void Refusal_rules_win_over_the_confirmation_rule()
    {
        var result = IndicatorValueParser.Parse("150", IndicatorKind.Percent, target: 10m);

        Assert.Equal(IndicatorValueProblem.PercentOver100, result.Problem);
    }

    private static void AssertPoliteIndonesianRefusal(string message)
    {
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.Contains("Mohon", message, StringComparison.Ordinal);
        Assert.Contains("misalnya", message, StringComparison.Ordinal);
        Assert.EndsWith(".", message, StringComparison.Ordinal);
        Assert.True(message.Length <= 200, $"Message too long for a phone screen: {message}");
        foreach (var english in new[] { "please", "number", "value", "invalid", "error" })
        {
            Assert.DoesNotContain(english, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string Shorten(string input) => input.Length > 40 ? input[..40] + "…" : input;
}
