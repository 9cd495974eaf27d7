namespace KinerjaBot.Configuration;

/// <summary>The kinds of step in the office report chain, in the SOP's words.</summary>
public enum ChainStageKind
{
    /// <summary>Validasi + paraf by the planning official.</summary>
    Validate,

    /// <summary>Paraf (initials) by the secretary.</summary>
    Paraf,

    /// <summary>Signature by the head of office; always the last stage.</summary>
    Sign,
}
