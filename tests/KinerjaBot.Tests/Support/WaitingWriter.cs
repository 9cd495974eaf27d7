namespace KinerjaBot.Tests.Support;

/// <summary>A <see cref="StringWriter"/> a test can await: completes once a written line contains a given text.</summary>
public sealed class WaitingWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a line containing the awaited text has been written.</summary>
    public Task Seen => _seen.Task;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.Contains(awaited, StringComparison.Ordinal) == true)
        {
            _seen.TrySetResult();
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
