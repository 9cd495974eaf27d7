using System.Globalization;
using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class IndonesianFormatTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1234.5", "1.234,5")]
    [InlineData("1000000", "1.000.000")]
    [InlineData("0.5", "0,5")]
    [InlineData("72.50", "72,5")]
    [InlineData("100.00", "100")]
    [InlineData("999", "999")]
    [InlineData("1000", "1.000")]
    [InlineData("1234567.89", "1.234.567,89")]
    [InlineData("99.9999", "99,9999")]
    [InlineData("0.125", "0,125")]
    [InlineData("0.0001", "0,0001")]
    [InlineData("-1234.5", "-1.234,5")]
    public void Numbers_use_a_thousands_dot_a_decimal_comma_and_no_trailing_zeros(string invariant, string expected)
    {
        var value = decimal.Parse(invariant, CultureInfo.InvariantCulture);

        Assert.Equal(expected, IndonesianFormat.Number(value));
    }

    [Fact]
    public void More_decimals_can_be_asked_for_when_echoing_a_stored_value()
    {
        Assert.Equal("3,1416", IndonesianFormat.Number(3.1416m, maxDecimals: 4));
        Assert.Equal("1.235", IndonesianFormat.Number(1234.5m, maxDecimals: 0));
    }

    [Theory]
    [InlineData("33.333333", "33,33")]
    [InlineData("0.125", "0,13")]
    [InlineData("0.001", "0")]
    public void A_computed_figure_such_as_capaian_is_rounded_to_two_decimals(string invariant, string expected)
    {
        var value = decimal.Parse(invariant, CultureInfo.InvariantCulture);

        Assert.Equal(expected, IndonesianFormat.Number(value, IndonesianFormat.ComputedDecimals));
        Assert.Equal(expected, IndonesianFormat.Percent(value));
    }

    [Fact]
    public void A_tiny_negative_that_rounds_to_zero_is_shown_as_plain_zero()
    {
        Assert.Equal("0", IndonesianFormat.Number(-0.001m, IndonesianFormat.ComputedDecimals));
    }

    [Fact]
    public void A_percent_is_shown_like_a_number_and_a_missing_one_as_a_dash()
    {
        Assert.Equal("95,5", IndonesianFormat.Percent(95.5m));
        Assert.Equal("150", IndonesianFormat.Percent(150m));
        Assert.Equal("–", IndonesianFormat.Percent(null));
    }

    [Theory]
    [InlineData(1, "Januari")]
    [InlineData(2, "Februari")]
    [InlineData(3, "Maret")]
    [InlineData(4, "April")]
    [InlineData(5, "Mei")]
    [InlineData(6, "Juni")]
    [InlineData(7, "Juli")]
    [InlineData(8, "Agustus")]
    [InlineData(9, "September")]
    [InlineData(10, "Oktober")]
    [InlineData(11, "November")]
    [InlineData(12, "Desember")]
    public void Every_month_has_its_Indonesian_name_in_a_date(int month, string name)
    {
        Assert.Equal($"1 {name} 2026", IndonesianFormat.Date(new DateOnly(2026, month, 1)));
    }

    [Theory]
    [InlineData(5, "Senin")]
    [InlineData(6, "Selasa")]
    [InlineData(7, "Rabu")]
    [InlineData(8, "Kamis")]
    [InlineData(9, "Jumat")]
    [InlineData(10, "Sabtu")]
    [InlineData(11, "Minggu")]
    public void Every_day_has_its_Indonesian_name_in_a_date_with_day(int dayOfOctober2026, string name)
    {
        Assert.Equal($"{name}, {dayOfOctober2026} Oktober 2026", IndonesianFormat.DateWithDay(new DateOnly(2026, 10, dayOfOctober2026)));
    }

    [Fact]
    public void A_date_has_no_leading_zero_on_the_day()
    {
        Assert.Equal("8 Oktober 2026", IndonesianFormat.Date(new DateOnly(2026, 10, 8)));
        Assert.Equal("Kamis, 8 Oktober 2026", IndonesianFormat.DateWithDay(new DateOnly(2026, 10, 8)));
    }

    [Theory]
    [InlineData("Asia/Jakarta", "Kamis, 8 Oktober 2026 16.00 WIB")]
    [InlineData("Asia/Pontianak", "Kamis, 8 Oktober 2026 16.00 WIB")]
    [InlineData("Asia/Makassar", "Kamis, 8 Oktober 2026 17.00 WITA")]
    [InlineData("Asia/Jayapura", "Kamis, 8 Oktober 2026 18.00 WIT")]
    public void An_instant_is_shown_in_the_office_zone_with_a_dotted_time_and_the_zone_name(string zoneId, string expected)
    {
        var instant = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, IndonesianFormat.DateTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zoneId)));
    }

    [Fact]
    public void The_local_date_is_used_when_the_zone_has_already_passed_midnight()
    {
        var lateEveningUtc = new DateTimeOffset(2026, 10, 8, 18, 5, 0, TimeSpan.Zero);

        Assert.Equal("Jumat, 9 Oktober 2026 01.05 WIB", IndonesianFormat.DateTime(lateEveningUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));
    }

    [Fact]
    public void A_Windows_zone_id_for_western_Indonesia_is_still_WIB()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("SE Asia Standard Time");

        Assert.Equal("WIB", IndonesianFormat.TimeZoneAbbreviation(zone, new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_zone_outside_Indonesia_is_labelled_with_its_offset_rather_than_a_wrong_name()
    {
        var instant = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal("Kamis, 8 Oktober 2026 16.00 UTC+7", IndonesianFormat.DateTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok")));
        Assert.Equal("Kamis, 8 Oktober 2026 09.00 UTC", IndonesianFormat.DateTime(instant, TimeZoneInfo.Utc));
        Assert.Equal("Kamis, 8 Oktober 2026 14.30 UTC+5:30", IndonesianFormat.DateTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata")));
    }

    [Fact]
    public void Times_are_written_with_a_dot_and_two_digit_hours()
    {
        Assert.Equal("07.05", IndonesianFormat.Time(new TimeOnly(7, 5)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("")]
    public void Output_does_not_depend_on_the_machine_culture(string cultureName)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(cultureName);
            var instant = new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero);

            Assert.Equal("1.234,5", IndonesianFormat.Number(1234.5m));
            Assert.Equal("Kamis, 8 Oktober 2026 16.00 WIB", IndonesianFormat.DateTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")));
            Assert.Equal("Triwulan III 2026", Period.Parse("2026-TW3").DisplayName);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
