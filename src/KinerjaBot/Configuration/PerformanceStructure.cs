namespace KinerjaBot.Configuration;

/// <summary>
/// Where an indicator sits in the office's performance tree (Renstra / Perjanjian Kinerja): the sasaran (strategic
/// goal) it measures, the tujuan that sasaran serves, and optionally the program and kegiatan that deliver it.
/// </summary>
public sealed record PerformanceStructure(string? Tujuan, string? Sasaran, string? Program, string? Kegiatan)
{
    public static readonly PerformanceStructure None = new(null, null, null, null);
}
