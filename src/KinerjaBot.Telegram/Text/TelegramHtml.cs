using System.Text;

namespace KinerjaBot.Telegram;

/// <summary>Helpers for <c>parse_mode</c> HTML text.</summary>
public static class TelegramHtml
{
    /// <summary>
    /// Escapes user-supplied text for parse_mode HTML. Telegram requires <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c>
    /// escaped everywhere; quotes are escaped too (<c>&amp;quot;</c>, <c>&amp;#39;</c>, both of which Telegram
    /// accepts) so the result is also safe inside an attribute such as <c>&lt;a href="…"&gt;</c>.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return builder.ToString();
    }
}
