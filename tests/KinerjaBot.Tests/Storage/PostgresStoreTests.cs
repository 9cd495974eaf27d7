using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.Storage;

/// <summary>The PostgreSQL store keeps the SQLite store's promises, also with several instances on one database.</summary>
public sealed class PostgresStoreTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 1, 0, 0, TimeSpan.Zero);

    private readonly PostgresTestDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly List<KinerjaStore> _stores = [];

    public void Dispose()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        _database.Dispose();
    }

    [Fact]
    public async Task Two_instances_starting_together_create_the_schema_once()
    {
        var both = await Task.WhenAll(Task.Run(Open), Task.Run(Open));

        var newest = both[0].SchemaVersion();
        Assert.Equal(newest, both[1].SchemaVersion());
        await using var read = await both[1].ReadAsync(default);
        Assert.Null(await read.Periods.GetAsync("2026-TW3", default));
    }

    [Fact]
    public async Task A_step_that_fails_in_a_shared_write_keeps_none_of_its_changes_and_the_others_are_saved()
    {
        var store = Open();
        var (first, failing, last) = await SharedWriteTests.QueueThreeStepsBehindAnOpenWriterAsync(store, new InvalidOperationException("bug in the handler"));

        Assert.Equal(1, await first);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(3, await last);
        await using var read = await Open().ReadAsync(default);
        Assert.True(await read.Telegram.IsProcessedAsync(1, default));
        Assert.False(await read.Telegram.IsProcessedAsync(2, default));
        Assert.Null(await read.Chats.FindByChatAsync(2002, default));
        Assert.NotNull(await read.Chats.FindByChatAsync(2003, default));
    }

    [Fact]
    public async Task A_commit_the_server_refuses_saves_none_of_the_shared_steps_and_tells_every_caller_to_try_again()
    {
        var store = Open();

        // The server refuses the COMMIT itself (as after a failover mid-commit): a deferred check on update 77 only.
        await using (var connection = new Npgsql.NpgsqlConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused at commit'; END $$;
                CREATE CONSTRAINT TRIGGER refuse_update_77 AFTER INSERT ON processed_updates DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW WHEN (NEW.update_id = 77) EXECUTE FUNCTION refuse_at_commit();
                """;
            await command.ExecuteNonQueryAsync();
        }

        Task<long> Step(long updateId) => store.WriteTogetherAsync(
            async (tx, ct) =>
            {
                await tx.Telegram.MarkProcessedAsync(updateId, Monday, ct);
                return updateId;
            },
            default);
        Task<long>[] steps;
        await using (var writer = await store.BeginAsync(default))
        {
            steps = [Step(76), Step(77), Step(78)];
        }

        foreach (var step in steps)
        {
            var error = await Assert.ThrowsAsync<SharedWriteAbortedException>(() => step);
            Assert.True(KinerjaStore.IsTemporaryFailure(error), error.ToString());
        }

        await using (var read = await Open().ReadAsync(default))
        {
            Assert.False(await read.Telegram.IsProcessedAsync(76, default));
            Assert.False(await read.Telegram.IsProcessedAsync(78, default));
        }

        // And the next group commits on a fresh connection.
        Assert.Equal(79, await Step(79));
        await using var after = await Open().ReadAsync(default);
        Assert.True(await after.Telegram.IsProcessedAsync(79, default));
    }

    [Fact]
    public async Task Everything_saved_is_there_for_another_instance()
    {
        long instanceId;
        await using (var tx = await Open().BeginAsync(default))
        {
            await tx.Chats.BindAsync("kasi-trantib", 5_001_000_000, 5_001_000_000, Monday, default);
            await tx.Periods.TryOpenAsync(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), default);
            var instance = await tx.Workflows.CreateAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", UnitSubmissionWorkflow.NotStarted, Monday, default);
            instanceId = instance.Id;
            await tx.Values.AppendAsync(instanceId, new StoredValue("IKU-2", 1, 72.5m, "Razia PKL 3 kali", "evidence/a.jpg", "kasi-trantib", Monday), default);
            await tx.Telegram.MarkProcessedAsync(900, Monday, default);
            await tx.Telegram.SetNextOffsetAsync(901, default);
            await tx.Telegram.SetNextOffsetAsync(850, default);
            await tx.CommitAsync(default);
        }

        await using var read = await Open().ReadAsync(default);
        Assert.Equal(new ChatBinding("kasi-trantib", 5_001_000_000, 5_001_000_000, Monday, false), await read.Chats.FindByChatAsync(5_001_000_000, default));
        Assert.Equal(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), await read.Periods.GetAsync("2026-TW3", default));
        Assert.Equal(new StoredValue("IKU-2", 1, 72.5m, "Razia PKL 3 kali", "evidence/a.jpg", "kasi-trantib", Monday), (await read.Values.CurrentAsync(instanceId, default))["IKU-2"]);
        Assert.True(await read.Telegram.IsProcessedAsync(900, default));
        Assert.Equal(901, await read.Telegram.GetNextOffsetAsync(default));
    }

    [Fact]
    public async Task A_transaction_that_is_not_committed_leaves_nothing_behind()
    {
        var store = Open();
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Chats.BindAsync("camat", 1, 1, Monday, default);
            await tx.Telegram.MarkProcessedAsync(5, Monday, default);
        }

        await using var read = await store.ReadAsync(default);
        Assert.Null(await read.Chats.FindByOfficialAsync("camat", default));
        Assert.False(await read.Telegram.IsProcessedAsync(5, default));
    }

    [Fact]
    public async Task Writers_of_two_instances_take_turns_so_the_second_sees_what_the_first_committed()
    {
        var first = Open();
        var second = Open();
        var holding = await first.BeginAsync(default);
        Assert.True(await holding.Periods.TryOpenAsync(new OpenedPeriod("2026-TW4", Monday, "staf-pk", Monday.AddDays(3)), default));
        var waiting = Task.Run(async () =>
        {
            await using var tx = await second.BeginAsync(default);
            return await tx.Periods.GetAsync("2026-TW4", default);
        });

        // Without the writers' lock the second instance would read now, beside the first, and find no TW4.
        await Task.Delay(300);
        await holding.CommitAsync(default);
        await holding.DisposeAsync();

        Assert.Equal("staf-pk", (await waiting)?.OpenedBy);
    }

    [Fact]
    public async Task Only_one_instance_holds_the_senders_lease_and_the_next_takes_it_when_it_is_given_back()
    {
        var first = Open();
        var second = Open();

        var held = await first.TryLeadAsync(LeaseRole.Sender, default);
        Assert.NotNull(held);
        Assert.Null(await second.TryLeadAsync(LeaseRole.Sender, default));

        // Another job is another lease: the reminder pass may run on the other instance meanwhile.
        await using (var reminders = await second.TryLeadAsync(LeaseRole.Reminders, default))
        {
            Assert.NotNull(reminders);
        }

        await held!.DisposeAsync();
        await using var taken = await second.TryLeadAsync(LeaseRole.Sender, default);
        Assert.NotNull(taken);
        Assert.False(taken!.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task A_lease_whose_connection_dies_is_reported_lost_and_another_instance_can_take_it()
    {
        var first = Open();
        var second = Open();
        await using var held = await first.TryLeadAsync(LeaseRole.Sender, default);
        Assert.NotNull(held);

        // What a crashed instance looks like to PostgreSQL: its connection ends, and with it the advisory lock.
        await TerminateOtherConnectionsAsync("pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)");

        await Task.Delay(TimeSpan.FromSeconds(6), held!.Lost).ContinueWith(_ => { }, TaskScheduler.Default);
        Assert.True(held.Lost.IsCancellationRequested);

        // The client sees the connection close a moment before the ended backend has released its locks, so another
        // instance may need a second try, as its sender's loop would make one.
        StoreLease? taken = null;
        for (var attempt = 0; attempt < 50 && taken is null; attempt++)
        {
            taken = await second.TryLeadAsync(LeaseRole.Sender, default);
            if (taken is null)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }

        Assert.NotNull(taken);
        await taken!.DisposeAsync();
    }

    [Fact]
    public async Task A_read_sees_one_snapshot_and_cannot_write()
    {
        var store = Open();
        await using var read = await store.ReadAsync(default);
        Assert.Null(await read.Periods.GetAsync("2026-TW3", default));
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Periods.TryOpenAsync(new OpenedPeriod("2026-TW3", Monday, "staf-pk", Monday.AddDays(3)), default);
            await tx.Telegram.MarkProcessedAsync(77, Monday, default);
            await tx.CommitAsync(default);
        }

        // Committed after the snapshot's first read: not seen by it, and it refuses to change anything.
        Assert.False(await read.Telegram.IsProcessedAsync(77, default));
        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => read.Telegram.MarkProcessedAsync(78, Monday, default));
        Assert.Equal("25006", refused.SqlState); // read_only_sql_transaction
    }

    [Fact]
    public async Task A_write_after_the_server_dropped_the_idle_writer_connection_still_commits()
    {
        var store = Open();
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Telegram.MarkProcessedAsync(1, Monday, default);
            await tx.CommitAsync(default);
        }

        // A server restart or a proxy's idle timeout, as the kept writer connection sees it.
        await TerminateOtherConnectionsAsync("TRUE");

        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Telegram.MarkProcessedAsync(2, Monday, default);
            await tx.CommitAsync(default);
        }

        await using var read = await store.ReadAsync(default);
        Assert.True(await read.Telegram.IsProcessedAsync(1, default));
        Assert.True(await read.Telegram.IsProcessedAsync(2, default));
    }

    [Fact]
    public async Task The_sender_hears_when_another_instance_commits_but_not_its_own_writes_or_a_rollback()
    {
        var sending = Open();
        var other = Open();
        await using var lease = await sending.TryLeadAsync(LeaseRole.Sender, default);
        var heard = 0;
        var signal = new SemaphoreSlim(0);
        lease!.WrittenElsewhere += () =>
        {
            Interlocked.Increment(ref heard);
            signal.Release();
        };

        await using (var own = await sending.BeginAsync(default))
        {
            await own.Telegram.MarkProcessedAsync(1, Monday, default);
            await own.CommitAsync(default);
        }

        await using (var rolledBack = await other.BeginAsync(default))
        {
            await rolledBack.Telegram.MarkProcessedAsync(2, Monday, default);
        }

        await using (var committed = await other.BeginAsync(default))
        {
            await committed.Telegram.MarkProcessedAsync(3, Monday, default);
            await committed.CommitAsync(default);
        }

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(1, heard);
    }

    [Fact]
    public void A_database_that_cannot_be_reached_stops_start_up_naming_host_and_database_but_never_the_password()
    {
        var error = Assert.Throws<DataStoreException>(() => KinerjaStore.OpenPostgres(
            "Host=127.0.0.1;Port=1;Database=kinerjabot;Username=kinerjabot;Password=rahasia-sekali;Timeout=2", _clock));

        Assert.Contains("PostgreSQL 127.0.0.1:1/kinerjabot (user kinerjabot)", error.Message);
        Assert.Contains("Check Storage:ConnectionString", error.Message);
        Assert.DoesNotContain("rahasia-sekali", error.Message);
    }

    // Ends other sessions on the test database that match the condition, as PostgreSQL does when a client dies.
    private async Task TerminateOtherConnectionsAsync(string condition)
    {
        await using var admin = new Npgsql.NpgsqlConnection(_database.ConnectionString);
        await admin.OpenAsync();
        await using var kill = new Npgsql.NpgsqlCommand(
            $"""
            SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND {condition}
            """,
            admin);
        await kill.ExecuteNonQueryAsync();
    }

    private KinerjaStore Open()
    {
        var store = KinerjaStore.OpenPostgres(_database.ConnectionString, _clock);
        lock (_stores)
        {
            _stores.Add(store);
        }

        return store;
    }
}
