using KinerjaBot.Telegram;

namespace KinerjaBot.Tests.Telegram;

public sealed class TelegramTextTests
{
    [Fact]
    public void Escaping_for_html_replaces_angle_brackets_ampersands_and_quotes()
    {
        Assert.Equal("&lt;b&gt;&amp;&quot;&#39;", TelegramHtml.Escape("<b>&\"'"));
    }

    [Fact]
    public void Escaping_leaves_ordinary_indonesian_text_alone()
    {
        Assert.Equal("Bapak Budi, 12,5 %", TelegramHtml.Escape("Bapak Budi, 12,5 %"));
    }

    [Fact]
    public void A_text_within_the_limit_is_one_part()
    {
        Assert.Equal(["pendek"], TelegramTextSplitter.Split("pendek"));
    }

    [Fact]
    public void A_part_prefers_ending_at_a_line_break_over_a_space()
    {
        var text = "aaaa bbbb\ncccc dddd eeee";

        var parts = TelegramTextSplitter.Split(text, maxLength: 16);

        Assert.Equal(["aaaa bbbb", "cccc dddd eeee"], parts);
    }

    [Fact]
    public void A_long_line_without_spaces_is_cut_hard_but_never_inside_an_html_entity()
    {
        var text = new string('a', 4094) + "&amp;" + new string('b', 100);

        var parts = TelegramTextSplitter.Split(text, html: true);

        Assert.Equal(new string('a', 4094), parts[0]);
        Assert.StartsWith("&amp;", parts[1]);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void A_cut_never_falls_inside_a_tag()
    {
        var text = new string('a', 4093) + "<i>miring</i>";

        var parts = TelegramTextSplitter.Split(text, html: true);

        Assert.Equal(new string('a', 4093), parts[0]);
        Assert.Equal("<i>miring</i>", parts[1]);
    }

    [Fact]
    public void Tags_open_at_a_cut_are_closed_in_that_part_and_reopened_in_the_next()
    {
        var body = string.Join('\n', Enumerable.Range(1, 300).Select(i => $"baris {i:000} " + new string('z', 20)));
        var text = "<b>Rekap</b>\n<blockquote><a href=\"https://example.org/r?a=1&amp;b=2\">" + body + "</a></blockquote>";

        var parts = TelegramTextSplitter.Split(text, html: true);

        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.True(p.Length <= 4096, $"part of {p.Length} characters"));
        Assert.All(parts.Skip(1), p => Assert.StartsWith("<blockquote><a href=\"https://example.org/r?a=1&amp;b=2\">", p));
        Assert.All(parts, p => Assert.EndsWith("</a></blockquote>", p));
        Assert.All(parts, p => Assert.Equal(Count(p, "<a "), Count(p, "</a>")));
    }

    [Fact]
    public void An_emoji_is_never_split_between_its_two_halves()
    {
        var text = new string('a', 4095) + "\U0001F600" + "sesudah";

        var parts = TelegramTextSplitter.Split(text);

        Assert.Equal(new string('a', 4095), parts[0]);
        Assert.StartsWith("\U0001F600", parts[1]);
    }

    private static int Count(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
