using System.Diagnostics;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Telegram can deliver an update the bot cannot read. It must not stall the bot: the readable updates of the
/// same batch are answered, the unreadable ones are logged and skipped, and the offset moves past them so they
/// are not delivered again (the old behaviour: every poll failed and backed off towards a minute, forever).
/// </summary>
public sealed class MalformedUpdatesEndToEndTests : IAsyncLifetime
{
    // Well under the poller's first backoff steps added up: an answer this fast never waited for a failed poll.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private const string From = """ "from":{"id":700000008,"is_bot":false,"first_name":"Dewi"} """;
    private const string Chat = """ "chat":{"id":700000008,"type":"private","first_name":"Dewi"} """;

    private readonly MalformedUpdateInjector _wire = new();
    private readonly Dictionary<string, long> _ids = [];
    private BotHarness _bot = null!;

    // Polling on purpose: the injector rewrites getUpdates answers (WebhookEndToEndTests covers webhook mode).
    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync(wire: _wire, webhook: false);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Unreadable_updates_are_skipped_and_the_real_messages_around_them_are_answered_promptly()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");
        _wire.InjectAroundNextUpdate(
            before:
            [
                Entry("no chat", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":1,"date":1767225600,{{{From}}},"text":"/status"}}"""),
                Entry("no date", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":2,{{{Chat}}},{{{From}}},"text":"/status"}}"""),
                Entry("no first name", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":3,"date":1767225600,{{{Chat}}},"from":{"id":700000008,"is_bot":false},"text":"/status"}}"""),
                Entry("chat id as a word", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":4,"date":1767225600,"chat":{"id":"dua","type":"private"},{{{From}}},"text":"/status"}}"""),
                Entry("text as a number", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":5,"date":1767225600,{{{Chat}}},{{{From}}},"text":72}}"""),
                Entry("lone surrogate", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":6,"date":1767225600,{{{Chat}}},{{{From}}},"text":"\ud800"}}"""),
                ("not an object", _ => "\"rusak\""),
            ],
            after:
            [
                Entry("after the real one", id => $$$"""{"update_id":{{{id}}},"message":{"message_id":7,"date":1767225600,"chat":{"id":[1],"type":"private"},{{{From}}},"text":"/status"}}"""),
            ]);

        var watch = Stopwatch.StartNew();
        var before = _bot.Server.Version;
        await staf.SendTextAsync("/tentang");
        var about = await _bot.Server.WaitForBotMessageAsync(staf.ChatId, m => m.Content.Contains("lisensi MIT"), BotHarness.Patience, before);
        var firstAnswer = watch.Elapsed;

        before = _bot.Server.Version;
        watch.Restart();
        await staf.SendTextAsync("/bantuan");
        var help = await _bot.Server.WaitForBotMessageAsync(staf.ChatId, m => m.Content.Contains("Perintah yang tersedia"), BotHarness.Patience, before);
        var secondAnswer = watch.Elapsed;

        Assert.True(firstAnswer < Prompt, $"the message delivered with the unreadable updates was answered after {firstAnswer}");
        Assert.True(secondAnswer < Prompt, $"the next message was answered after {secondAnswer}");
        Assert.Contains("lisensi MIT", about.Content);
        Assert.Contains("/status", help.Content);

        // Telegram delivered each once: the bot's offset moved past all of them, the one behind the real update too.
        Assert.All(_ids.Keys.Append("not an object"), label => Assert.Equal(1, _wire.Deliveries(label)));

        // The administrator reads which updates were dropped, by id where there is one.
        var skipped = _bot.Log.Lines.Where(l => l.Contains("Skipping update")).ToList();
        Assert.All(_ids.Values, id => Assert.Contains(skipped, l => l.Contains($"Skipping update {id} ")));
        Assert.Contains(skipped, l => l.Contains("without a readable update_id"));
        Assert.Equal(_ids.Count + 1, skipped.Count);
    }

    private (string Label, Func<long, string> Json) Entry(string label, Func<long, string> json) =>
        (label, id =>
        {
            _ids[label] = id;
            return json(id);
        });
}
