using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Storage;

/// <summary>
/// Updates applied at the same moment share one write transaction, each in its own savepoint (decisions/0028): one
/// update that fails must not cost the others their changes, nor keep any of its own.
/// </summary>
public sealed class SharedWriteTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 1, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(Monday);

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_step_that_fails_keeps_none_of_its_changes_and_the_steps_around_it_are_saved()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        var (first, failing, last) = await QueueThreeStepsBehindAnOpenWriterAsync(store, failWith: new InvalidOperationException("bug in the handler"));

        Assert.Equal(1, await first);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("bug in the handler", error.Message);
        Assert.Equal(3, await last);
        await using var read = await store.ReadAsync(default);
        Assert.True(await read.Telegram.IsProcessedAsync(1, default));
        Assert.False(await read.Telegram.IsProcessedAsync(2, default));
        Assert.Null(await read.Chats.FindByChatAsync(2002, default));
        Assert.True(await read.Telegram.IsProcessedAsync(3, default));
        Assert.NotNull(await read.Chats.FindByChatAsync(2003, default));
    }

    [Fact]
    public async Task Steps_run_in_the_order_they_came_and_each_sees_what_the_one_before_wrote()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        var seen = new List<string>();
        Task<int> Step(long chatId, string officialId) => store.WriteTogetherAsync(
            async (tx, ct) =>
            {
                var before = await tx.Chats.FindByChatAsync(2001, ct);
                seen.Add($"{officialId} saw {before?.OfficialId ?? "nobody"}");
                await tx.Chats.BindAsync(officialId, chatId, chatId, Monday, ct);
                return 0;
            },
            default);

        Task<int>[] steps;
        await using (var writer = await store.BeginAsync(default))
        {
            steps = [Step(2001, "kasi-trantib"), Step(2001, "kasi-pem"), Step(2002, "sekcam")];
            await Task.Delay(50);
            Assert.Empty(seen);
        }

        await Task.WhenAll(steps);
        Assert.Equal(["kasi-trantib saw nobody", "kasi-pem saw kasi-trantib", "sekcam saw kasi-pem"], seen);
    }

    [Fact]
    public async Task The_in_memory_undo_of_a_failed_step_runs_and_the_undo_of_a_saved_step_does_not()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        var undone = new List<string>();
        Task<int> Step(string name, bool fail) => store.WriteTogetherAsync<int>(
            (tx, _) =>
            {
                tx.OnRollback(() => undone.Add(name));
                return fail ? throw new InvalidOperationException(name) : Task.FromResult(0);
            },
            default);

        Task<int>[] steps;
        await using (var writer = await store.BeginAsync(default))
        {
            steps = [Step("saved", fail: false), Step("failed", fail: true), Step("saved too", fail: false)];
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => Task.WhenAll(steps));
        Assert.Equal(["failed"], undone);
    }

    [Fact]
    public async Task A_step_cannot_commit_the_transaction_it_shares()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteTogetherAsync(
            async (tx, ct) =>
            {
                await tx.Telegram.MarkProcessedAsync(7, Monday, ct);
                await tx.CommitAsync(ct);
                return 0;
            },
            default));

        Assert.Contains("does not commit", error.Message, StringComparison.Ordinal);
        await using var read = await store.ReadAsync(default);
        Assert.False(await read.Telegram.IsProcessedAsync(7, default));
    }

    [Fact]
    public async Task A_step_whose_caller_gave_up_while_it_waited_is_not_run()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        using var giveUp = new CancellationTokenSource();
        Task<int> step;
        await using (var writer = await store.BeginAsync(default))
        {
            // The step ignores its token, so only not running it keeps update 8 unsaved.
            step = store.WriteTogetherAsync(
                async (tx, _) =>
                {
                    await tx.Telegram.MarkProcessedAsync(8, Monday, default);
                    return 0;
                },
                giveUp.Token);
            await giveUp.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step);
        await using var read = await store.ReadAsync(default);
        Assert.False(await read.Telegram.IsProcessedAsync(8, default));
    }

    /// <summary>
    /// Three steps (updates 1–3, binding chats 2001–2003) queued while another writer holds the turn, so they run together
    /// when it ends; the second fails with <paramref name="failWith"/> after writing.
    /// </summary>
    internal static async Task<(Task<int> First, Task<int> Failing, Task<int> Last)> QueueThreeStepsBehindAnOpenWriterAsync(KinerjaStore store, Exception failWith)
    {
        Task<int> Step(int updateId, bool fail) => store.WriteTogetherAsync(
            async (tx, ct) =>
            {
                await tx.Chats.BindAsync($"official-{updateId}", 2000 + updateId, 2000 + updateId, Monday, ct);
                await tx.Telegram.MarkProcessedAsync(updateId, Monday, ct);
                return fail ? throw failWith : updateId;
            },
            default);

        await using var writer = await store.BeginAsync(default);
        return (Step(1, fail: false), Step(2, fail: true), Step(3, fail: false));
    }
}
