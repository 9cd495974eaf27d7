using Dapper;
using KinerjaBot.Actions;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Microsoft.Data.Sqlite;
using Moq;

namespace KinerjaBot.Tests.Storage;

public sealed class KinerjaStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 1, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(Monday);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void Opening_an_empty_folder_creates_the_database_in_wal_mode_at_the_newest_schema_version()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);

        Assert.True(File.Exists(_data.Combine(KinerjaStore.FileName)));
        Assert.Equal(SchemaMigrations.Steps.Max(s => s.Version), store.SchemaVersion());
        using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public void Opening_an_existing_database_again_does_not_reapply_migrations()
    {
        KinerjaStore.Open(_data.Path, _clock);
        var store = KinerjaStore.Open(_data.Path, _clock);

        using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        Assert.Equal(SchemaMigrations.Steps.Count, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
    }

    [Fact]
    public async Task Everything_saved_is_there_after_the_store_is_opened_again()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        long instanceId;
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Chats.BindAsync("kasi-trantib", 5001, 5001, Monday, default);
            await tx.Periods.TryOpenAsync(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), default);
            var instance = await tx.Workflows.CreateAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", UnitSubmissionWorkflow.NotStarted, Monday, default);
            instanceId = instance.Id;
            await tx.Values.AppendAsync(instanceId, new StoredValue("IKU-2", 1, 72.5m, "Razia PKL 3 kali", "evidence/a.jpg", "kasi-trantib", Monday), default);
            await tx.Telegram.MarkProcessedAsync(900, Monday, default);
            await tx.Telegram.SetNextOffsetAsync(901, default);
            await tx.Telegram.SetNextOffsetAsync(850, default);
            await tx.CommitAsync(default);
        }

        var reopened = KinerjaStore.Open(_data.Path, _clock);
        await using var read = await reopened.BeginAsync(default);
        Assert.Equal(new ChatBinding("kasi-trantib", 5001, 5001, Monday, false), await read.Chats.FindByChatAsync(5001, default));
        Assert.Equal(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), await read.Periods.GetAsync("2026-TW3", default));
        Assert.Equal(UnitSubmissionWorkflow.NotStarted, (await read.Workflows.FindAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", default))!.State);
        Assert.Equal(new StoredValue("IKU-2", 1, 72.5m, "Razia PKL 3 kali", "evidence/a.jpg", "kasi-trantib", Monday), (await read.Values.CurrentAsync(instanceId, default))["IKU-2"]);
        Assert.True(await read.Telegram.IsProcessedAsync(900, default));
        Assert.Equal(901, await read.Telegram.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task A_transaction_that_is_not_committed_leaves_nothing_behind()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Chats.BindAsync("camat", 1, 1, Monday, default);
            await tx.Telegram.MarkProcessedAsync(5, Monday, default);
        }

        await using var read = await store.BeginAsync(default);
        Assert.Null(await read.Chats.FindByOfficialAsync("camat", default));
        Assert.False(await read.Telegram.IsProcessedAsync(5, default));
        Assert.Equal(0, await read.Telegram.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task Values_keep_their_history_and_the_current_value_is_the_latest()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        await using var tx = await store.BeginAsync(default);
        var id = await NewSubmissionAsync(tx);
        await tx.Values.AppendAsync(id, new StoredValue("IKU-2", 1, 60m, null, null, "kasi-trantib", Monday), default);
        await tx.Values.AppendAsync(id, new StoredValue("IK-2.1", 1, 4m, null, null, "kasi-trantib", Monday), default);
        await tx.Values.AppendAsync(id, new StoredValue("IKU-2", 2, 65.25m, "dikoreksi", null, "kasi-trantib", Monday.AddDays(1)), default);

        var current = await tx.Values.CurrentAsync(id, default);
        var history = await tx.Values.HistoryAsync(id, "IKU-2", default);
        var firstRevision = await tx.Values.AsOfRevisionAsync(id, 1, default);

        Assert.Equal(65.25m, current["IKU-2"].Value);
        Assert.Equal(4m, current["IK-2.1"].Value);
        Assert.Equal([60m, 65.25m], history.Select(v => v.Value));
        Assert.Equal(60m, firstRevision["IKU-2"].Value);
    }

    [Fact]
    public async Task Rebinding_a_chat_to_another_official_releases_the_old_binding()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        await using var tx = await store.BeginAsync(default);
        await tx.Chats.BindAsync("kasi-pem", 77, 77, Monday, default);
        await tx.Chats.BindAsync("kasi-pmd", 77, 77, Monday, default);

        Assert.Null(await tx.Chats.FindByOfficialAsync("kasi-pem", default));
        Assert.Equal("kasi-pmd", (await tx.Chats.FindByChatAsync(77, default))!.OfficialId);
    }

    [Fact]
    public async Task A_period_cannot_be_opened_twice()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        await using var tx = await store.BeginAsync(default);
        var period = new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3));

        Assert.True(await tx.Periods.TryOpenAsync(period, default));
        Assert.False(await tx.Periods.TryOpenAsync(period with { OpenedBy = "kasubbag-pk" }, default));
        Assert.Equal("staf-pk", (await tx.Periods.GetAsync("2026-TW3", default))!.OpenedBy);
    }

    [Fact]
    public async Task The_same_query_asked_again_in_later_transactions_answers_for_its_own_arguments()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        foreach (var (id, openedBy) in new[] { ("2026-TW1", "staf-pk"), ("2026-TW2", "kasubbag-pk"), ("2026-TW3", "sekretaris") })
        {
            await using (var write = await store.BeginAsync(default))
            {
                Assert.Null(await write.Periods.GetAsync(id, default));
                Assert.True(await write.Periods.TryOpenAsync(new OpenedPeriod(id, Monday, openedBy, Monday.AddDays(3)), default));
                await write.CommitAsync(default);
            }

            await using (var discarded = await store.BeginAsync(default))
            {
                Assert.True(await discarded.Periods.TryOpenAsync(new OpenedPeriod(id + "-X", Monday, openedBy, Monday.AddDays(3)), default));
            }
        }

        await using var read = await store.ReadAsync(default);
        Assert.Equal("staf-pk", (await read.Periods.GetAsync("2026-TW1", default))!.OpenedBy);
        Assert.Equal("sekretaris", (await read.Periods.GetAsync("2026-TW3", default))!.OpenedBy);
        Assert.Equal("kasubbag-pk", (await read.Periods.GetAsync("2026-TW2", default))!.OpenedBy);
        Assert.Null(await read.Periods.GetAsync("2026-TW2-X", default));
    }

    [Fact]
    public async Task A_fired_transition_is_saved_with_its_audit_entry()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        var service = new WorkflowService(new WorkflowCatalog(SampleOffice.Configuration), _clock);
        long id;
        await using (var tx = await store.BeginAsync(default))
        {
            id = await NewSubmissionAsync(tx);
            var outcome = await service.FireAsync(tx, id, WorkflowTrigger.Start, new TransitionRequest("kasi-trantib"), 1, new Mock<IWorkflowEffects>().Object, default);
            Assert.True(outcome.Succeeded);
            await tx.CommitAsync(default);
        }

        await using var read = await store.BeginAsync(default);
        Assert.Equal(UnitSubmissionWorkflow.Filling, (await read.Workflows.GetAsync(id, default))!.State);
        var audit = Assert.Single(await read.Audit.ForInstanceAsync(id, default));
        Assert.Equal(new AuditEntry(id, Monday, "kasi-trantib", WorkflowTrigger.Start, UnitSubmissionWorkflow.NotStarted, UnitSubmissionWorkflow.Filling, null, 2), audit);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        await using var tx = await store.BeginAsync(default);
        var id = await NewSubmissionAsync(tx);
        var read = (await tx.Workflows.GetAsync(id, default))!;
        var moved = read with { State = UnitSubmissionWorkflow.Filling, Version = 2 };
        var audit = new AuditEntry(id, Monday, "kasi-trantib", WorkflowTrigger.Start, read.State, moved.State, null, 2);
        var start = new FiredTransition(read, moved, new TransitionRequest("kasi-trantib"), audit);

        Assert.True(await tx.Workflows.TryApplyAsync(start, Monday, default));
        Assert.False(await tx.Workflows.TryApplyAsync(start, Monday, default));
        Assert.Single(await tx.Audit.ForInstanceAsync(id, default));
        Assert.Equal(2, (await tx.Workflows.GetAsync(id, default))!.Version);
    }

    [Fact]
    public async Task Two_concurrent_presses_on_the_same_version_apply_exactly_once()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        var service = new WorkflowService(new WorkflowCatalog(SampleOffice.Configuration), _clock);
        long id;
        await using (var tx = await store.BeginAsync(default))
        {
            id = await NewSubmissionAsync(tx);
            await tx.CommitAsync(default);
        }

        using var bothReady = new Barrier(2);
        async Task<FireOutcome> PressAsync()
        {
            bothReady.SignalAndWait(TimeSpan.FromSeconds(10));
            await using var tx = await store.BeginAsync(default);
            var outcome = await service.FireAsync(tx, id, WorkflowTrigger.Start, new TransitionRequest("kasi-trantib"), 1, new Mock<IWorkflowEffects>().Object, default);
            await tx.CommitAsync(default);
            return outcome;
        }

        var outcomes = await Task.WhenAll(Task.Run(PressAsync), Task.Run(PressAsync));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Refusal == RefusalReason.StaleVersion);
        await using var read = await store.BeginAsync(default);
        Assert.Single(await read.Audit.ForInstanceAsync(id, default));
        Assert.Equal(2, (await read.Workflows.GetAsync(id, default))!.Version);
    }

    [Fact]
    public void A_database_from_a_newer_release_is_refused_with_a_clear_message()
    {
        var store = KinerjaStore.Open(_data.Path, _clock);
        using (var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False"))
        {
            connection.Open();
            connection.Execute("INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01')");
        }

        var error = Assert.Throws<DataStoreException>(() => KinerjaStore.Open(_data.Path, _clock));

        Assert.Contains("schema version 99, newer than this KinerjaBot understands", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_with_what_to_do()
    {
        File.WriteAllText(_data.Combine(KinerjaStore.FileName), "this is a spreadsheet export, not a database");

        var error = Assert.Throws<DataStoreException>(() => KinerjaStore.Open(_data.Path, _clock));

        Assert.Contains(_data.Combine(KinerjaStore.FileName), error.Message);
        Assert.Contains("restore a backup", error.Message);
    }

    private static async Task<long> NewSubmissionAsync(StoreTransaction tx)
    {
        await tx.Periods.TryOpenAsync(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), default);
        var instance = await tx.Workflows.CreateAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", UnitSubmissionWorkflow.NotStarted, Monday, default);
        return instance.Id;
    }
}
