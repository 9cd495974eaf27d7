namespace KinerjaBot.Workflow;

/// <summary>Why a trigger was not applied.</summary>
public enum RefusalReason
{
    /// <summary>The official holds no role that may fire this trigger here.</summary>
    WrongPerson,

    /// <summary>The instance moved on since the button was shown (already processed, or a double tap).</summary>
    StaleVersion,

    /// <summary>A return needs a reason and none was given.</summary>
    ReasonRequired,

    /// <summary>The trigger does not apply in the instance's current state.</summary>
    NotAllowedInState,
}
