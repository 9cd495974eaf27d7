using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Actions;

/// <summary>
/// The Plt. / Plh. register kept beside the store: a /wakil range is seen at once by the transaction that set it,
/// survives a restart once committed, and leaves no trace when the transaction rolls back.
/// </summary>
public sealed class ActingRegisterTests : IDisposable
{
    private static readonly DateOnly First = new(2026, 12, 1);
    private static readonly DateOnly Last = new(2026, 12, 14);

    private readonly TempDirectory _data = new();
    private readonly KinerjaStore _store;

    public ActingRegisterTests() => _store = KinerjaStore.Open(_data.Path, TimeProvider.System);

    public void Dispose()
    {
        _store.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task A_committed_range_is_in_force_at_once_and_is_loaded_again_after_a_restart()
    {
        var register = ActingRegister.Load(SampleOffice.Configuration, _store);
        await using (var transaction = await _store.BeginAsync(default))
        {
            await SekcamForCamatAsync(register, transaction);
            Assert.Equal("sekcam", register.RosterOn(First).ActorFor("camat"));
            await transaction.CommitAsync(default);
        }

        var restarted = ActingRegister.Load(SampleOffice.Configuration, _store);
        Assert.Equal("sekcam", restarted.RosterOn(Last).ActorFor("camat"));
        Assert.Equal("camat", restarted.RosterOn(Last.AddDays(1)).ActorFor("camat"));
    }

    [Fact]
    public async Task A_range_whose_transaction_rolls_back_is_gone_from_the_register_and_the_store()
    {
        var register = ActingRegister.Load(SampleOffice.Configuration, _store);
        await using (var transaction = await _store.BeginAsync(default))
        {
            await SekcamForCamatAsync(register, transaction);
        }

        Assert.Equal("camat", register.RosterOn(First).ActorFor("camat"));
        Assert.Empty(ActingRegister.Load(SampleOffice.Configuration, _store).All);
    }

    [Fact]
    public async Task A_range_ended_early_no_longer_applies_and_a_range_from_office_yaml_cannot_be_ended_in_chat()
    {
        var fromFile = new ActingAssignment("kasubbag-pk", "kasi-kesos", ActingKind.Plt, First, Last, ActingAssignment.ConfigKey("kasubbag-pk", "kasi-kesos", ActingKind.Plt, First, Last));
        var register = new ActingRegister(SampleOffice.Configuration, []);
        await using var transaction = await _store.BeginAsync(default);
        var set = await SekcamForCamatAsync(register, transaction);

        Assert.True(await register.EndAsync(transaction, set, "camat", DateTimeOffset.UtcNow, default));
        Assert.False(await register.EndAsync(transaction, fromFile, "camat", DateTimeOffset.UtcNow, default));
        Assert.Equal("camat", register.RosterOn(First).ActorFor("camat"));
    }

    private static Task<ActingAssignment> SekcamForCamatAsync(ActingRegister register, StoreTransaction transaction) =>
        register.AddAsync(transaction, "camat", "sekcam", ActingKind.Plh, First, Last, "staf-pk", DateTimeOffset.UtcNow, default);
}
