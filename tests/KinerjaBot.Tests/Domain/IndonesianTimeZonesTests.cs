using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public sealed class IndonesianTimeZonesTests
{
    private static readonly DateTimeOffset Morning = new(2026, 10, 8, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("SE Asia Standard Time", "Asia/Jakarta", "Kamis, 8 Oktober 2026 08.00 WIB")]
    [InlineData("se asia standard time", "Asia/Jakarta", "Kamis, 8 Oktober 2026 08.00 WIB")]
    [InlineData("Singapore Standard Time", "Asia/Makassar", "Kamis, 8 Oktober 2026 09.00 WITA")]
    [InlineData("Tokyo Standard Time", "Asia/Jayapura", "Kamis, 8 Oktober 2026 10.00 WIT")]
    public void A_Windows_id_an_operator_writes_finds_the_Indonesian_zone_without_ICU(string windowsId, string iana, string shown)
    {
        var zone = IndonesianTimeZones.Find(windowsId);

        Assert.Equal(iana, zone.Id);
        Assert.Equal(shown, IndonesianFormat.DateTime(Morning, zone));
    }

    [Theory]
    [InlineData("Asia/Jakarta")]
    [InlineData("Asia/Pontianak")]
    [InlineData("Asia/Makassar")]
    [InlineData("Asia/Jayapura")]
    public void An_IANA_id_is_found_as_itself(string iana)
    {
        Assert.Equal(iana, IndonesianTimeZones.Find(iana).Id);
    }

    [Fact]
    public void An_unknown_zone_is_reported_as_not_found()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => IndonesianTimeZones.Find("Jakarta Standard Time"));
    }
}
