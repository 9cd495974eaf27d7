using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.EndToEnd;

public sealed class BoundedInputEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.RegisterAsync("staf-pk");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/buka ", 5000)]
    [InlineData("/rekap ", 65)]
    [InlineData("/", 5000)]
    public async Task An_overlong_command_is_refused_in_one_short_message_that_does_not_repeat_it(string command, int length)
    {
        var operatorUser = _bot.Official("staf-pk");
        var before = BotMessages(operatorUser).Count;
        var text = command + new string('x', length);

        await operatorUser.SendTextAsync(text);
        await operatorUser.WaitForReplyAsync(_ => true, BotHarness.Patience);

        // A marker command after it: everything the long one caused has arrived once its answer is here.
        await operatorUser.SendTextAsync("/tentang");
        await operatorUser.WaitForReplyAsync(m => m.Content.Contains("sumber terbuka"), BotHarness.Patience);

        var replies = BotMessages(operatorUser).Skip(before).SkipLast(1).ToList();
        var reply = Assert.Single(replies);
        Assert.Contains("Maaf", reply.Content);
        Assert.DoesNotContain("xxxxxxxxxx", reply.Content);
        Assert.True(reply.Content.Length < 1000, $"the refusal is {reply.Content.Length} characters long");
    }

    [Fact]
    public async Task A_mistyped_period_of_normal_length_is_still_named_in_the_answer()
    {
        var operatorUser = _bot.Official("staf-pk");

        await operatorUser.SendTextAsync("/buka 2026-TW9");
        var reply = await operatorUser.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("\"2026-TW9\" tidak dikenali", reply.Content);
    }

    private static List<ChatMessage> BotMessages(SimulatedUser user) =>
        [.. user.Messages.Where(m => m.Sender == ChatMessageSender.Bot)];
}
