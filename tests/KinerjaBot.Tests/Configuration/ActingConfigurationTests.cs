using KinerjaBot.Configuration;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

/// <summary>office.yaml <c>acting:</c>: Plt. / Plh. ranges are read, and every mistake is reported with its file, line and fix.</summary>
public sealed class ActingConfigurationTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public ActingConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    private string OfficeFile => _config.Combine("office.yaml");

    [Fact]
    public void An_acting_line_is_read_with_its_kind_and_both_days_included()
    {
        AppendActing("  - {for: camat, by: sekcam, kind: plh, from: 2026-12-01, to: 2026-12-14}", "  - {for: kasubbag-pk, by: kasubbag-umum, kind: Plt, from: 2026-12-01, to: 2026-12-01}");

        var acting = OfficeConfigurationLoader.Load(_config.Path).Acting;

        Assert.Equal(2, acting.Count);
        Assert.Equal(("camat", "sekcam", ActingKind.Plh), (acting[0].ForId, acting[0].ById, acting[0].Kind));
        Assert.True(acting[0].Covers(new DateOnly(2026, 12, 14)));
        Assert.False(acting[0].Covers(new DateOnly(2026, 12, 15)));
        Assert.Equal("Plt. Kepala Subbagian Perencanaan dan Keuangan", acting[1].Capacity.TitleFor(SampleOffice.Configuration));
    }

    [Fact]
    public void Unknown_officials_reversed_ranges_overlaps_and_acting_for_oneself_are_each_reported_at_their_line()
    {
        var first = AppendActing(
            "  - {for: camat, by: sekcam, kind: plh, from: 2026-12-01, to: 2026-12-14}",
            "  - {for: camat, by: nobody, kind: plh, from: 2026-12-20, to: 2026-12-21}",
            "  - {for: sekcam, by: kasubbag-pk, kind: plt, from: 2026-12-10, to: 2026-12-01}",
            "  - {for: camat, by: kasubbag-pk, kind: plh, from: 2026-12-14, to: 2026-12-16}",
            "  - {for: kasi-pem, by: kasi-pem, kind: plh, from: 2027-01-04, to: 2027-01-08}",
            "  - {for: kasi-pmd, by: kasi-kesos, kind: acting, from: 2027-01-04, to: 2027-01-08}");

        var problems = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message.Split('\n');

        AssertProblem(problems, first + 1, "acting line 'by: nobody' is not an official", "use one of the official ids");
        AssertProblem(problems, first + 2, "the range ends (2026-12-01) before it starts (2026-12-10)", "write 'to:' on or after 'from:'");
        AssertProblem(problems, first + 3, $"'camat' already has a stand-in for part of this range (line {first})", "make the ranges for the same official not overlap");
        AssertProblem(problems, first + 4, "'kasi-pem' cannot act for themselves", "name another official in 'by:'");
        AssertProblem(problems, first + 5, "acting kind 'acting' is not known", "write 'kind: plh'");
    }

    /// <summary>Appends an <c>acting:</c> block with <paramref name="lines"/>; returns the 1-based line of the first.</summary>
    private int AppendActing(params string[] lines)
    {
        var existing = File.ReadAllLines(OfficeFile).Length;
        File.AppendAllText(OfficeFile, "acting:\n" + string.Join("\n", lines) + "\n");
        return existing + 2;
    }

    private void AssertProblem(IEnumerable<string> problems, int line, string problem, string fix)
    {
        var entry = problems.FirstOrDefault(p => p.Contains(problem, StringComparison.Ordinal));
        Assert.True(entry is not null, $"Expected a problem containing '{problem}' in:\n{string.Join('\n', problems)}");
        Assert.Contains($"{OfficeFile}, line {line}: ", entry);
        Assert.Contains(fix, entry[entry.IndexOf("Fix: ", StringComparison.Ordinal)..]);
    }
}
