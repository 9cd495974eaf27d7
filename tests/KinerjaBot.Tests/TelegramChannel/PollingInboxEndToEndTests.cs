using KinerjaBot.Telegram;
using KinerjaBot.Tests.EndToEnd;
using Telegram.Bot;

namespace KinerjaBot.Tests.TelegramChannel;

/// <summary>
/// Polling confirms a batch to Telegram (by asking for the next one) before the batch is applied, because the batch is
/// kept in the store's inbox first (decisions/0024). A crash in between must lose nothing and apply nothing twice.
/// </summary>
public sealed class PollingInboxEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(webhook: false);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_update_kept_in_the_inbox_before_a_crash_is_answered_once_after_the_restart_although_Telegram_has_forgotten_it()
    {
        const string help = "Perintah yang tersedia";
        await _bot.RegisterAsync("staf-pk");
        var officer = _bot.Official("staf-pk");
        await _bot.StopBotAsync();
        Assert.Single(officer.Messages, m => m.Content.Contains(help));
        await officer.SendTextAsync("/bantuan");

        // What the poller does before it is killed: fetch the batch and keep it with the next offset. The next poll
        // (here the test's own) confirms it to Telegram, which then never hands it out again.
        using var http = new HttpClient();
        var telegram = new TelegramBotClient(new TelegramBotClientOptions(_bot.Server.Token, _bot.Server.BaseUrl) { RetryThreshold = 0 }, http);
        var offset = await _bot.ReadStoreAsync(t => t.Telegram.GetNextOffsetAsync(default));
        var batch = await telegram.SendRequest(new GetRawUpdatesRequest { Offset = offset, Timeout = 0 });
        var fetched = Assert.Single(batch);
        var updateId = fetched.GetProperty("update_id").GetInt64();
        using (var store = _bot.OpenStore())
        {
            await using var transaction = await store.BeginAsync(default);
            await transaction.Telegram.ReceiveAsync([(updateId, fetched.GetRawText())], updateId + 1, DateTimeOffset.UtcNow, default);
            await transaction.CommitAsync(default);
        }

        Assert.Empty(await telegram.SendRequest(new GetRawUpdatesRequest { Offset = updateId + 1, Timeout = 0 }));

        await _bot.StartBotAsync();
        await officer.WaitForReplyAsync(m => m.Content.Contains(help) && officer.Messages.Count(c => c.Content.Contains(help)) == 2, BotHarness.Patience);
        await _bot.WaitForOutboxDrainedAsync();
        await Task.Delay(300);
        Assert.Equal(2, officer.Messages.Count(m => m.Content.Contains(help)));
        Assert.Empty(await _bot.ReadStoreAsync(t => t.Telegram.InboxAsync(default)));
    }

    [Fact]
    public async Task Answers_keep_coming_while_earlier_batches_are_still_being_applied_and_each_update_is_applied_once()
    {
        await _bot.RegisterAsync("staf-pk");
        var officer = _bot.Official("staf-pk");
        for (var i = 0; i < 5; i++)
        {
            await officer.SendTextAsync("/bantuan");
        }

        await officer.WaitForReplyAsync(_ => officer.Messages.Count(m => m.Content.Contains("Perintah yang tersedia")) == 6, BotHarness.Patience);
        await _bot.WaitForOutboxDrainedAsync();
        Assert.Equal(6, officer.Messages.Count(m => m.Content.Contains("Perintah yang tersedia")));
        Assert.Empty(await _bot.ReadStoreAsync(t => t.Telegram.InboxAsync(default)));
    }
}
