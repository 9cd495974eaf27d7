namespace KinerjaBot.Workflow;

/// <summary>
/// Thrown from inside a Stateless transition when the version check in the UPDATE found the instance moved on,
/// so the transition stops before any entry effect runs. It never leaves <see cref="WorkflowMachine"/>.
/// </summary>
internal sealed class StaleWorkflowVersionException : Exception
{
    public StaleWorkflowVersionException()
        : base("The workflow instance moved on since it was read.")
    {
    }
}
