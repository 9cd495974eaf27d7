namespace KinerjaBot.Storage;

/// <summary>
/// A step shared a write transaction with another step whose failure could not be undone alone, so nothing of the
/// transaction was saved (<see cref="SharedWriteQueue"/>). This step did nothing wrong: run it again.
/// </summary>
public sealed class SharedWriteAbortedException(Exception cause)
    : Exception($"The shared write transaction failed in another step ({cause.Message}); nothing was saved, try again.", cause);
