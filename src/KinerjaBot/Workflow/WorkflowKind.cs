namespace KinerjaBot.Workflow;

/// <summary>The persisted state machines of the SOP.</summary>
public enum WorkflowKind
{
    /// <summary>One unit's data for one period: filled by the unit head, checked by its verifiers.</summary>
    UnitSubmission,

    /// <summary>The office's report for one period: validated, initialled and signed.</summary>
    OfficeReport,

    /// <summary>The period's data format, checked, initialled and signed before the unit heads are asked (optional).</summary>
    FormatApproval,

    /// <summary>The year's performance-measurement report: prepared by planning, checked by the secretary, to the head.</summary>
    Measurement,
}
