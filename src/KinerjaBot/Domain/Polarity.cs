namespace KinerjaBot.Domain;

/// <summary>Which direction of an indicator is good (<c>polarity:</c> in <c>config/indicators.yaml</c>).</summary>
public enum Polarity
{
    /// <summary>More is better, e.g. "Persentase penegakan Perda".</summary>
    Higher,

    /// <summary>Less is better, e.g. "Jumlah pelanggaran Perda"; capaian uses (2 − realisasi / target) × 100.</summary>
    Lower,
}
