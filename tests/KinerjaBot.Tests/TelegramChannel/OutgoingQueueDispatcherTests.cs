using KinerjaBot.Messaging;
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
    public async Task Removing_buttons_that_are_already_gone_counts_as_done_and_the_chat_goes_on()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");
        var greeting = staf.LastBotMessage!;
        Assert.Empty(greeting.InlineKeyboard);

        // Telegram answers 400 "message is not modified" to removing a keyboard the message does not have.
        var store = _bot.Services.GetRequiredService<KinerjaStore>();
        await using (var transaction = await store.BeginAsync(default))
        {
            await transaction.Outbox.EnqueueRemoveChoicesAsync(staf.ChatId, greeting.MessageId, DateTimeOffset.UtcNow, default);
            await transaction.Outbox.EnqueueAsync(staf.ChatId, OutgoingMessage.Plain("Pesan sesudahnya"), DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync(default);
        }

        _bot.Services.GetRequiredService<OutgoingQueueDispatcher>().Wake();
        await staf.WaitForReplyAsync(m => m.Content.Contains("Pesan sesudahnya"), BotHarness.Patience);

        Assert.Contains(_bot.Server.RequestLog, r => r.Method == "editMessageReplyMarkup" && r.StatusCode == 400 && r.ErrorDescription!.Contains("not modified"));
        Assert.Null(await LastErrorOfRemovalAsync());
    }

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
