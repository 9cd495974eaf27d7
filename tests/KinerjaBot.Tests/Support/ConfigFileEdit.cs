namespace KinerjaBot.Tests.Support;

/// <summary>Breaks or changes one spot of a copied sample config file, for tests of what the loader says about it.</summary>
public static class ConfigFileEdit
{
    /// <summary>Replaces the first occurrence of <paramref name="original"/> and returns the 1-based line it was on.</summary>
    public static int Replace(string directory, string file, string original, string replacement)
    {
        var path = Path.Combine(directory, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The sample {file} no longer contains '{original}'; update the test.");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length)));
        return text[..at].Count(c => c == '\n') + 1;
    }
}
