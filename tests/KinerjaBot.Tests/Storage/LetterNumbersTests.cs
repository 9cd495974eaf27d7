using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Storage;

public sealed class LetterNumbersTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_rolled_back_signature_frees_its_number_so_numbers_never_skip_and_never_repeat()
    {
        var store = KinerjaStore.Open(_data.Path, new FakeTimeProvider(Now));
        var first = await FormatAsync(store, "2026-TW2");
        var second = await FormatAsync(store, "2026-TW3");

        await using (var abandoned = await store.BeginAsync(default))
        {
            Assert.Equal(1, await abandoned.Letters.AllocateAsync(2026, "2026-TW2", first, Now, default));
        }

        await using (var signed = await store.BeginAsync(default))
        {
            Assert.Equal(1, await signed.Letters.AllocateAsync(2026, "2026-TW2", first, Now, default));
            await signed.CommitAsync(default);
        }

        // A reopened store (a restart) goes on from the committed number; asking again for the same letter keeps its number.
        store = KinerjaStore.Open(_data.Path, new FakeTimeProvider(Now));
        await using var next = await store.BeginAsync(default);
        Assert.Equal(1, await next.Letters.AllocateAsync(2026, "2026-TW2", first, Now, default));
        Assert.Equal(2, await next.Letters.AllocateAsync(2026, "2026-TW3", second, Now, default));
        Assert.Equal((2026, 2), await next.Letters.FindAsync(second, default));
    }

    [Fact]
    public async Task Every_year_starts_again_at_one()
    {
        var store = KinerjaStore.Open(_data.Path, new FakeTimeProvider(Now));
        var december = await FormatAsync(store, "2026-TW4");
        var january = await FormatAsync(store, "2027-01");
        await using var transaction = await store.BeginAsync(default);

        Assert.Equal(1, await transaction.Letters.AllocateAsync(2026, "2026-TW4", december, Now, default));
        Assert.Equal(1, await transaction.Letters.AllocateAsync(2027, "2027-01", january, Now, default));
    }

    private static async Task<long> FormatAsync(KinerjaStore store, string periodId)
    {
        await using var transaction = await store.BeginAsync(default);
        await transaction.Periods.TryOpenAsync(new OpenedPeriod(periodId, Now, "staf-pk", Now.AddDays(3)), default);
        var format = await transaction.Workflows.CreateAsync(WorkflowKind.FormatApproval, periodId, null, FormatApprovalWorkflow.Review, Now, default);
        await transaction.CommitAsync(default);
        return format.Id;
    }
}
