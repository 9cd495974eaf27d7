using Dapper;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace KinerjaBot.Tests.Storage;

/// <summary>Bindings and outbox rows carry their channel; rows stored before WhatsApp existed are Telegram's.</summary>
public sealed class ChannelAddressingTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 10, 5, 1, 30, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _clock = new(Monday);

    public void Dispose() => _data.Dispose();

    [Fact]
    public void A_whatsapp_number_and_a_telegram_chat_never_share_a_chat_id()
    {
        var whatsApp = ChatAddress.FromWhatsAppId("6281234567890");

        Assert.Equal(ChatChannel.WhatsApp, ChatAddress.ChannelOf(whatsApp));
        Assert.Equal(ChatChannel.Telegram, ChatAddress.ChannelOf(6281234567890));
        Assert.Equal("6281234567890", ChatAddress.WhatsAppIdOf(whatsApp));
    }

    [Fact]
    public async Task Bindings_and_outbox_rows_are_stored_with_the_channel_of_their_chat()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        var whatsApp = ChatAddress.FromWhatsAppId("6281234567890");
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Chats.BindAsync("kasi-trantib", whatsApp, whatsApp, Monday, default);
            await tx.Chats.BindAsync("camat", 5001, 5001, Monday, default);
            await tx.Outbox.EnqueueAsync(whatsApp, OutgoingMessage.Plain("Halo"), Monday, default);
            await tx.Outbox.EnqueueAsync(5001, OutgoingMessage.Plain("Halo"), Monday, default);
            await tx.CommitAsync(default);
        }

        using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        connection.Open();
        Assert.Equal(["camat:telegram", "kasi-trantib:whatsapp"], connection.Query<string>("SELECT official_id || ':' || channel FROM chat_bindings ORDER BY official_id"));
        Assert.Equal(["whatsapp", "telegram"], connection.Query<string>("SELECT channel FROM outbox ORDER BY id"));
        await using var read = await store.ReadAsync(default);
        Assert.Equal([ChatChannel.WhatsApp, ChatChannel.Telegram], (await read.Outbox.PendingAsync(10, default)).Select(i => i.Channel));
        Assert.Equal(ChatChannel.WhatsApp, (await read.Chats.FindByOfficialAsync("kasi-trantib", default))!.Channel);
    }

    [Fact]
    public async Task A_delivery_status_only_moves_forward_and_a_failure_keeps_its_reason()
    {
        using var store = KinerjaStore.Open(_data.Path, _clock);
        var whatsApp = ChatAddress.FromWhatsAppId("6281234567890");
        long id;
        await using (var tx = await store.BeginAsync(default))
        {
            await tx.Outbox.EnqueueAsync(whatsApp, OutgoingMessage.Plain("Halo"), Monday, default);
            id = (await tx.Outbox.PendingAsync(10, default)).Single().Id;
            await tx.Outbox.MarkSentOnChannelAsync(id, "wamid.1", Monday, default);
            await tx.Outbox.RecordDeliveryStatusAsync("wamid.1", "read", null, default);
            await tx.Outbox.RecordDeliveryStatusAsync("wamid.1", "delivered", null, default);
            Assert.Equal("read", await tx.Outbox.DeliveryStatusAsync(id, default));
            await tx.Outbox.RecordDeliveryStatusAsync("wamid.1", "failed", "131026 Message undeliverable", default);
            await tx.Outbox.RecordDeliveryStatusAsync("wamid.1", "delivered", null, default);
            Assert.Equal("failed", await tx.Outbox.DeliveryStatusAsync(id, default));
            Assert.False(await tx.Outbox.RecordDeliveryStatusAsync("wamid.unknown", "read", null, default));
            await tx.CommitAsync(default);
        }
    }

    [Fact]
    public void Rows_stored_before_migration_10_become_telegram_rows()
    {
        var path = Path.Combine(_data.Path, KinerjaStore.FileName);
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            connection.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var step in SchemaMigrations.Steps.Where(s => s.Version < 10))
            {
                connection.Execute(step.Sql);
                connection.Execute("INSERT INTO schema_version VALUES (@Version, @Description, '2026-10-01T00:00:00Z')", new { step.Version, step.Description });
            }

            connection.Execute("INSERT INTO chat_bindings (official_id, chat_id, user_id, bound_at) VALUES ('camat', 5001, 5001, '2026-10-01T00:00:00Z')");
            connection.Execute("INSERT INTO outbox (chat_id, operation, payload_json, created_at) VALUES (5001, 'Send', '{}', '2026-10-01T00:00:00Z')");
        }

        SqliteConnection.ClearAllPools();
        using var store = KinerjaStore.Open(_data.Path, _clock);

        using var reopened = new SqliteConnection($"Data Source={path}");
        reopened.Open();
        Assert.Equal("telegram", reopened.ExecuteScalar<string>("SELECT channel FROM chat_bindings"));
        Assert.Equal("telegram", reopened.ExecuteScalar<string>("SELECT channel FROM outbox"));
    }
}
