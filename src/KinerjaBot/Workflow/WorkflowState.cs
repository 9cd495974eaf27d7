namespace KinerjaBot.Workflow;

/// <summary>
/// A state of a workflow instance. States are names rather than an enum because the number of
/// verifiers and chain stages comes from the office configuration.
/// </summary>
public readonly record struct WorkflowState(string Name)
{
    public override string ToString() => Name;
}
