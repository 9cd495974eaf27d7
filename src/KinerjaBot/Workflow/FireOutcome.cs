using System.Diagnostics.CodeAnalysis;

namespace KinerjaBot.Workflow;

/// <summary>The result of firing a trigger: the moved instance and its audit entry, or a typed refusal.</summary>
public sealed record FireOutcome
{
    private FireOutcome(WorkflowInstance instance, AuditEntry? audit, RefusalReason? refusal)
    {
        Instance = instance;
        Audit = audit;
        Refusal = refusal;
    }

    /// <summary>The instance after the transition, or unchanged when refused.</summary>
    public WorkflowInstance Instance { get; }

    public AuditEntry? Audit { get; }

    public RefusalReason? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Audit))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static FireOutcome Moved(WorkflowInstance instance, AuditEntry audit) => new(instance, audit, null);

    public static FireOutcome Refused(WorkflowInstance unchanged, RefusalReason reason) => new(unchanged, null, reason);
}
