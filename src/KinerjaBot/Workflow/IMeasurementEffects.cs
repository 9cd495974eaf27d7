namespace KinerjaBot.Workflow;

/// <summary>What the measurement report's transitions do besides moving the state (see <see cref="MeasurementWorkflow"/>).</summary>
public interface IMeasurementEffects
{
    /// <summary>Submit: the draft to the secretary with Setujui / Kembalikan.</summary>
    Task MeasurementSubmittedAsync(FiredTransition fired);

    /// <summary>Return: the reason and a fresh draft back to the planning official.</summary>
    Task MeasurementReturnedAsync(FiredTransition fired);

    /// <summary>Approve: archived (PDF and workbook) and delivered to the head.</summary>
    Task MeasurementReportedAsync(FiredTransition fired);
}
