using KinerjaBot.Messaging;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.TelegramChannel;

public sealed class OutgoingQueueDispatcherTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Removing_buttons_a_message_never_had_sends_nothing_counts_as_done_and_the_chat_goes_on()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");
        var greeting = staf.LastBotMessage!;
        Assert.Empty(greeting.InlineKeyboard);

        // Telegram would answer 400 "message is not modified" and still count the request against the bot's budget.
        await QueueAsync(async t =>
        {
            await t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, greeting.MessageId, DateTimeOffset.UtcNow, default);
            await t.Outbox.EnqueueAsync(staf.ChatId, OutgoingMessage.Plain("Pesan sesudahnya"), DateTimeOffset.UtcNow, default);
        });
        await staf.WaitForReplyAsync(m => m.Content.Contains("Pesan sesudahnya"), BotHarness.Patience);

        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.Method.StartsWith("editMessage", StringComparison.Ordinal));
        Assert.Null(await LastErrorOfRemovalAsync());
    }

    [Fact]
    public async Task Two_queued_notes_on_one_message_go_out_as_one_edit_that_shows_the_newest_and_no_button()
    {
        var (staf, asked) = await MessageWithButtonsAsync();

        await QueueAsync(async t =>
        {
            await t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, asked.MessageId, DateTimeOffset.UtcNow, default, "Catatan pertama");
            await t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, asked.MessageId, DateTimeOffset.UtcNow, default, "Catatan terbaru");
        });
        await _bot.WaitForOutboxDrainedAsync();

        var shown = _bot.Server.Messages(staf.ChatId).Single(m => m.MessageId == asked.MessageId);
        Assert.Contains("Catatan terbaru", shown.Content);
        Assert.DoesNotContain("Catatan pertama", shown.Content);
        Assert.Contains("Pilih satu", shown.Content);
        Assert.Empty(shown.InlineKeyboard);
        Assert.Single(EditsOf(asked.MessageId));
    }

    [Fact]
    public async Task Removing_buttons_an_earlier_removal_already_took_sends_nothing_and_a_later_note_still_goes_out()
    {
        var (staf, asked) = await MessageWithButtonsAsync();

        await QueueAsync(t => t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, asked.MessageId, DateTimeOffset.UtcNow, default));
        await _bot.WaitForOutboxDrainedAsync();
        await QueueAsync(t => t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, asked.MessageId, DateTimeOffset.UtcNow, default));
        await _bot.WaitForOutboxDrainedAsync();
        Assert.Single(EditsOf(asked.MessageId));
        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.StatusCode == 400);

        // A decision noted afterwards changes the text, so it is sent.
        await QueueAsync(t => t.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, asked.MessageId, DateTimeOffset.UtcNow, default, "Sudah dipilih"));
        await _bot.WaitForOutboxDrainedAsync();
        Assert.Contains("Sudah dipilih", _bot.Server.Messages(staf.ChatId).Single(m => m.MessageId == asked.MessageId).Content);
        Assert.Equal(2, EditsOf(asked.MessageId).Count);
    }

    [Fact]
    public async Task A_removal_queued_while_its_message_is_still_on_the_way_waits_for_it_and_then_takes_its_buttons()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");

        // The question and its removal in one commit, as when an answer comes before the question's sending is recorded.
        await QueueAsync(async t =>
        {
            await t.Outbox.EnqueueAsync(staf.ChatId, OutgoingMessage.Plain("Pilih satu") with { Choices = [[new Choice("Satu", "x:1")]] }, DateTimeOffset.UtcNow, default);
            var row = (await t.Outbox.LatestWithChoiceAsync(staf.ChatId, "x:1", default))!.Value;
            Assert.Null(row.SentMessageId);
            await t.Outbox.EnqueueRemoveChoicesOfRowAsync(staf.ChatId, row.RowId, DateTimeOffset.UtcNow, default);
        });
        await _bot.WaitForOutboxDrainedAsync();

        var shown = _bot.Server.Messages(staf.ChatId).Single(m => m.Content.Contains("Pilih satu"));
        Assert.Empty(shown.InlineKeyboard);
        Assert.Single(EditsOf(shown.MessageId));
        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.StatusCode == 400);
    }

    private async Task<(SimulatedUser User, ChatMessage Asked)> MessageWithButtonsAsync()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");
        await QueueAsync(t => t.Outbox.EnqueueAsync(staf.ChatId, OutgoingMessage.Plain("Pilih satu") with
        {
            Choices = [[new Choice("Satu", "x:1"), new Choice("Dua", "x:2")]],
        }, DateTimeOffset.UtcNow, default));
        var asked = await staf.WaitForReplyAsync(m => m.Content.Contains("Pilih satu") && m.InlineKeyboard.Count > 0, BotHarness.Patience);
        return (staf, asked);
    }

    private async Task QueueAsync(Func<StoreTransaction, Task> enqueue)
    {
        var store = _bot.Services.GetRequiredService<KinerjaStore>();
        await using (var transaction = await store.BeginAsync(default))
        {
            await enqueue(transaction);
            await transaction.CommitAsync(default);
        }

        _bot.Services.GetRequiredService<OutgoingQueueDispatcher>().Wake();
    }

    private List<RecordedBotRequest> EditsOf(long messageId) =>
        [.. _bot.Server.RequestLog.Where(r => r.Method.StartsWith("editMessage", StringComparison.Ordinal) && r.Parameters.GetValueOrDefault("message_id") == messageId.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    // The outbox keeps why an item was given up on, for the operator; a removal that met its goal has none.
    private async Task<string?> LastErrorOfRemovalAsync()
    {
        await using var connection = await _bot.OpenDatabaseConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(last_error, '') || coalesce(failed_at, '') FROM outbox WHERE operation = 'RemoveChoices' AND sent_at IS NOT NULL";
        var result = (string?)await command.ExecuteScalarAsync();
        return result is null ? "not marked sent" : result.Length == 0 ? null : result;
    }
}
