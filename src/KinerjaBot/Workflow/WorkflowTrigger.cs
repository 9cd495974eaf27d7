namespace KinerjaBot.Workflow;

/// <summary>Everything that can move a workflow instance; stored in the audit log by name.</summary>
public enum WorkflowTrigger
{
    /// <summary>The unit head starts filling.</summary>
    Start,

    /// <summary>The unit head sends the data for verification.</summary>
    Submit,

    /// <summary>A verifier or chain official approves (Setujui / Validasi / Paraf / Tandatangani).</summary>
    Approve,

    /// <summary>A verifier returns the data to the unit head, with a reason.</summary>
    Return,

    /// <summary>The unit head takes a returned submission back to fix it.</summary>
    Fix,

    /// <summary>An office-chain official reopens a verified submission from the report.</summary>
    Reopen,

    /// <summary>The bot opens the office report once every unit is verified.</summary>
    OpenReport,

    /// <summary>A chain stage sends the report back to the stage before it, with a reason.</summary>
    ReturnToPrevious,

    /// <summary>A chain stage sends the report back to one unit (reopening its submission), with a reason.</summary>
    ReturnToUnit,

    /// <summary>An operator closes a period opened by mistake (/tutup), with a reason, before any unit is verified.</summary>
    Close,

    /// <summary>A closed period is opened again (/buka): the unit starts over from Mulai isi.</summary>
    OpenAgain,
}
