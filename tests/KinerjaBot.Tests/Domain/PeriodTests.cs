using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-01", PeriodKind.Month, 1, "Januari 2026")]
    [InlineData("2026-02", PeriodKind.Month, 2, "Februari 2026")]
    [InlineData("2026-03", PeriodKind.Month, 3, "Maret 2026")]
    [InlineData("2026-04", PeriodKind.Month, 4, "April 2026")]
    [InlineData("2026-05", PeriodKind.Month, 5, "Mei 2026")]
    [InlineData("2026-06", PeriodKind.Month, 6, "Juni 2026")]
    [InlineData("2026-07", PeriodKind.Month, 7, "Juli 2026")]
    [InlineData("2026-08", PeriodKind.Month, 8, "Agustus 2026")]
    [InlineData("2026-09", PeriodKind.Month, 9, "September 2026")]
    [InlineData("2026-10", PeriodKind.Month, 10, "Oktober 2026")]
    [InlineData("2026-11", PeriodKind.Month, 11, "November 2026")]
    [InlineData("2026-12", PeriodKind.Month, 12, "Desember 2026")]
    [InlineData("2026-TW1", PeriodKind.Quarter, 1, "Triwulan I 2026")]
    [InlineData("2026-TW2", PeriodKind.Quarter, 2, "Triwulan II 2026")]
    [InlineData("2026-TW3", PeriodKind.Quarter, 3, "Triwulan III 2026")]
    [InlineData("2026-TW4", PeriodKind.Quarter, 4, "Triwulan IV 2026")]
    [InlineData("2026-S1", PeriodKind.Semester, 1, "Semester I 2026")]
    [InlineData("2026-S2", PeriodKind.Semester, 2, "Semester II 2026")]
    [InlineData("2026", PeriodKind.Year, 1, "Tahun 2026")]
    public void Every_period_id_parses_round_trips_and_has_its_Indonesian_name(string id, PeriodKind kind, int index, string displayName)
    {
        Assert.True(Period.TryParse(id, out var period));

        Assert.Equal(kind, period.Kind);
        Assert.Equal(2026, period.Year);
        Assert.Equal(index, period.Index);
        Assert.Equal(id, period.Id);
        Assert.Equal(id, period.ToString());
        Assert.Equal(displayName, period.DisplayName);
    }

    [Theory]
    [InlineData(" 2026-tw3 ", "2026-TW3")]
    [InlineData("2026-s2", "2026-S2")]
    [InlineData("2026-TW01", "2026-TW1")]
    public void Lower_case_spaces_and_a_padded_number_are_read_as_the_canonical_id(string typed, string canonical)
    {
        Assert.Equal(canonical, Period.Parse(typed).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-1")]
    [InlineData("2026-001")]
    [InlineData("2026-TW5")]
    [InlineData("2026-TW0")]
    [InlineData("2026-TW")]
    [InlineData("2026-S3")]
    [InlineData("2026-S0")]
    [InlineData("26-TW1")]
    [InlineData("2026TW1")]
    [InlineData("2026-")]
    [InlineData("2026-Q1")]
    [InlineData("2026-TW+1")]
    [InlineData("1999")]
    [InlineData("3000-01")]
    [InlineData("20266")]
    [InlineData("２０２６")]
    [InlineData("Januari 2026")]
    public void A_malformed_or_out_of_range_id_is_refused(string? text)
    {
        Assert.False(Period.TryParse(text, out var period));
        Assert.Null(period);
    }

    [Fact]
    public void Parse_explains_the_accepted_forms_when_it_refuses()
    {
        var error = Assert.Throws<FormatException>(() => Period.Parse("2026-13"));

        Assert.Contains("2026-TW1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2028-02", "2028-02-01", "2028-02-29")]
    [InlineData("2026-12", "2026-12-01", "2026-12-31")]
    [InlineData("2026-TW1", "2026-01-01", "2026-03-31")]
    [InlineData("2026-TW3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-TW4", "2026-10-01", "2026-12-31")]
    [InlineData("2026-S1", "2026-01-01", "2026-06-30")]
    [InlineData("2026-S2", "2026-07-01", "2026-12-31")]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    public void A_period_runs_from_its_first_to_its_last_day(string id, string start, string end)
    {
        var period = Period.Parse(id);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026-07", "2026-06")]
    [InlineData("2026-TW1", "2025-TW4")]
    [InlineData("2026-TW3", "2026-TW2")]
    [InlineData("2026-S1", "2025-S2")]
    [InlineData("2026-S2", "2026-S1")]
    [InlineData("2026", "2025")]
    public void The_previous_period_is_of_the_same_kind_and_crosses_the_year(string id, string previous)
    {
        Assert.Equal(Period.Parse(previous), Period.Parse(id).Previous());
    }

    [Fact]
    public void There_is_no_period_before_the_first_supported_year()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2000, 1).Previous());
    }

    [Fact]
    public void Periods_with_the_same_id_are_equal()
    {
        Assert.Equal(Period.Quarter(2026, 3), Period.Parse("2026-tw3"));
        Assert.NotEqual(Period.Quarter(2026, 1), Period.Month(2026, 1));
    }

    [Fact]
    public void The_factories_refuse_an_index_outside_the_kind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2026, 13));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2026, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Semester(2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.OfYear(1999));
    }
}
