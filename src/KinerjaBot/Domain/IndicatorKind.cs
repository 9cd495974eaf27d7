namespace KinerjaBot.Domain;

/// <summary>What kind of value an indicator takes.</summary>
public enum IndicatorKind
{
    /// <summary>0–100.</summary>
    Percent,

    /// <summary>≥ 0, decimals allowed.</summary>
    Number,

    /// <summary>≥ 0, whole numbers only.</summary>
    Integer,
}
