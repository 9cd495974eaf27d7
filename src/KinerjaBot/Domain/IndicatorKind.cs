namespace KinerjaBot.Domain;

/// <summary>What sort of value an indicator takes (<c>kind:</c> in <c>config/indicators.yaml</c>).</summary>
public enum IndicatorKind
{
    /// <summary>A percentage from 0 to 100, decimals allowed.</summary>
    Percent,

    /// <summary>Any value of 0 or more, decimals allowed (e.g. a rate or an index).</summary>
    Number,

    /// <summary>A count of 0 or more without decimals (dokumen, kegiatan, orang, kali…).</summary>
    Integer,
}
