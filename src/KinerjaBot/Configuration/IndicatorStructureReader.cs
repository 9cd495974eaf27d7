namespace KinerjaBot.Configuration;

/// <summary>
/// Reads an indicator's <c>tujuan</c>, <c>sasaran</c>, <c>program</c> and <c>kegiatan</c> (all optional text). A
/// sasaran serves one tujuan, so every indicator naming the same sasaran must name the same tujuan.
/// </summary>
internal sealed class IndicatorStructureReader
{
    private readonly Dictionary<string, (string? Tujuan, int Line)> _sasaran = new(StringComparer.Ordinal);

    public PerformanceStructure Read(YamlSection item, string what)
    {
        var tujuan = item.OptionalString("tujuan", what, "\"Meningkatnya kualitas pelayanan publik\"");
        var sasaran = item.OptionalString("sasaran", what, "\"Meningkatnya ketertiban umum\"");
        var program = item.OptionalString("program", what, "\"Program Peningkatan Ketenteraman dan Ketertiban Umum\"");
        var kegiatan = item.OptionalString("kegiatan", what, "\"Patroli wilayah\"");
        if (tujuan is not null && sasaran is null)
        {
            item.Report(item.Find("tujuan"), $"{what} names a tujuan but no sasaran", "add 'sasaran:' (the strategic goal the indicator measures), or remove 'tujuan'");
        }

        if (sasaran is not null)
        {
            if (!_sasaran.TryAdd(sasaran, (tujuan, item.LineOf("sasaran"))) && _sasaran[sasaran].Tujuan != tujuan)
            {
                item.Report(item.Find("sasaran"), $"{what} puts sasaran '{sasaran}' under tujuan '{tujuan ?? "(none)"}', but line {_sasaran[sasaran].Line} puts it under '{_sasaran[sasaran].Tujuan ?? "(none)"}'", "give every indicator of one sasaran the same tujuan");
            }
        }

        return new PerformanceStructure(tujuan, sasaran, program, kegiatan);
    }
}
