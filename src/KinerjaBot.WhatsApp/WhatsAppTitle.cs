using System.Globalization;
using System.Text;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// Fits a button label into WhatsApp's title limits (20 characters for reply buttons, 24 for list rows): whole words
/// as long as they fit, then an ellipsis; the full label goes into the row's description where there is one.
/// Counted in UTF-16 code units, the stricter count (an emoji is two), so a title that passes here passes there.
/// </summary>
public static class WhatsAppTitle
{
    private const string Ellipsis = "…";

    public static string Shorten(string label, int maxLength)
    {
        var text = label.Trim();
        if (Length(text) <= maxLength)
        {
            return text;
        }

        var kept = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = kept.Length == 0 ? word : kept + " " + word;
            if (Length(candidate) + Ellipsis.Length > maxLength)
            {
                break;
            }

            kept.Clear().Append(candidate);
        }

        // One long word: cut inside it.
        var cut = kept.Length > 0 ? kept.ToString() : Take(text, maxLength - Ellipsis.Length);
        return cut.TrimEnd(' ', ',', ':', '-', '(') + Ellipsis;
    }

    /// <summary>Shortens every label and keeps them distinct (WhatsApp refuses two buttons with one title).</summary>
    public static IReadOnlyList<string> ShortenAll(IReadOnlyList<string> labels, int maxLength)
    {
        var titles = new List<string>();
        foreach (var label in labels)
        {
            var title = Shorten(label, maxLength);
            for (var n = 2; titles.Contains(title, StringComparer.Ordinal); n++)
            {
                var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
                title = Shorten(label, maxLength - suffix.Length) + suffix;
            }

            titles.Add(title);
        }

        return titles;
    }

    public static int Length(string text) => text.Length;

    /// <summary>The longest start of <paramref name="text"/> within <paramref name="length"/> code units that splits no character.</summary>
    private static string Take(string text, int length)
    {
        var taken = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && taken.Length + elements.GetTextElement().Length <= length)
        {
            taken.Append(elements.GetTextElement());
        }

        return taken.ToString();
    }
}
