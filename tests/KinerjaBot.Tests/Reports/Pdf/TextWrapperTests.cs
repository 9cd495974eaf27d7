using KinerjaBot.Reports.Pdf;

namespace KinerjaBot.Tests.Reports.Pdf;

public class TextWrapperTests
{
    private static readonly MeasuredFont Font = CreateFont();

    [Fact]
    public void Words_fill_each_line_up_to_the_width_and_never_beyond()
    {
        var text = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"indikator{i}"));

        var lines = TextWrapper.Wrap(text, Font, 120);

        Assert.True(lines.Count > 5);
        Assert.All(lines, line => Assert.InRange(Font.Width(line), 0, 120));
        Assert.Equal(text, string.Join(" ", lines));
        // Greedy: the next line's first word would not have fitted on the previous line.
        Assert.All(lines.Zip(lines.Skip(1)), pair =>
            Assert.True(Font.Width(pair.First + " " + pair.Second.Split(' ')[0]) > 120));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_between_characters()
    {
        var lines = TextWrapper.Wrap(new string('W', 80), Font, 50);

        Assert.True(lines.Count > 1);
        Assert.All(lines, line => Assert.InRange(Font.Width(line), 0, 50));
        Assert.Equal(new string('W', 80), string.Concat(lines));
    }

    [Fact]
    public void Line_breaks_in_the_text_start_new_lines_and_empty_text_has_no_lines()
    {
        Assert.Equal(["satu", "dua"], TextWrapper.Wrap("satu\ndua", Font, 300));
        Assert.Empty(TextWrapper.Wrap("", Font, 300));
        Assert.Equal(["satu"], TextWrapper.Wrap("satu\n\n", Font, 300));
    }

    [Fact]
    public void The_cached_width_matches_pdfsharps_measurement_of_the_whole_string()
    {
        const string text = "Persentase penegakan Perda: 1.234,5 (95,5%) — café";
        var measured = new TextMeasurer().Measure(text, Font.Font);

        Assert.Equal(measured, Font.Width(text), 3);
    }

    private static MeasuredFont CreateFont()
    {
        var resolver = PdfSharpSetup.EnsureInitialized();
        var style = ReportStyle.Default;
        return new ReportFonts(style, resolver).TableBody;
    }
}
