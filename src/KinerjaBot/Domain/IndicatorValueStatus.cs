namespace KinerjaBot.Domain;

/// <summary>What the conversation should do with a typed indicator value.</summary>
public enum IndicatorValueStatus
{
    /// <summary>Store the value and echo it back in Indonesian format.</summary>
    Accepted,

    /// <summary>The value reads cleanly but is implausible; ask "Apakah benar …?" and store it only after a yes.</summary>
    NeedsConfirmation,

    /// <summary>Nothing may be stored; show the message and ask again.</summary>
    Refused,
}
