using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.EndToEnd;

public sealed class DuplicateCopyEndToEndTests : IAsyncLifetime
{
    private const string OpenNow = "Ya, buka sekarang";

    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.RegisterAsync("staf-pk");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task After_a_lost_response_the_unrecorded_copys_button_is_stale_and_the_recorded_ones_works()
    {
        var operatorUser = _bot.Official("staf-pk");

        // Telegram shows the confirmation, but the bot never hears so and sends it again.
        _bot.Server.InjectFault("sendMessage", BotApiFault.DropResponse());
        await operatorUser.SendTextAsync("/buka 2026-TW4");
        await operatorUser.WaitForReplyAsync(_ => operatorUser.Messages.Count(m => m.FindButton(OpenNow) is not null) == 2, BotHarness.Patience);
        var copies = operatorUser.Messages.Where(m => m.FindButton(OpenNow) is not null).ToList();
        var (unrecorded, recorded) = (copies[0], copies[1]);
        Assert.Equal(unrecorded.Content, recorded.Content);

        await operatorUser.PressButtonAsync(unrecorded.MessageId, unrecorded.FindButton(OpenNow)!.CallbackData!);
        await operatorUser.WaitForReplyAsync(m => m.MessageId == unrecorded.MessageId && m.InlineKeyboard.Count == 0, BotHarness.Patience);

        var stale = Assert.Single(_bot.Server.CallbackAnswers);
        Assert.Equal("Tombol ini sudah tidak berlaku; gunakan pesan terbaru.", stale.Text);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Periods.GetAsync("2026-TW4", default)));
        Assert.NotNull(operatorUser.Messages.Single(m => m.MessageId == recorded.MessageId).FindButton(OpenNow));

        await operatorUser.PressButtonAsync(recorded.MessageId, recorded.FindButton(OpenNow)!.CallbackData!);
        await operatorUser.WaitForReplyAsync(m => m.Content.Contains("dibuka untuk"), BotHarness.Patience);

        Assert.NotNull(await _bot.ReadStoreAsync(t => t.Periods.GetAsync("2026-TW4", default)));
        Assert.Equal(2, _bot.Server.CallbackAnswers.Count);
        Assert.NotEqual(BotTexts.StaleCopy, _bot.Server.CallbackAnswers[1].Text);
    }

    [Fact]
    public async Task A_button_pressed_before_the_bot_has_recorded_its_message_still_works()
    {
        // Telegram shows each message at once, but the bot hears back half a second later.
        await using var slow = await BotHarness.StartAsync(wire: new SlowSendResponses(TimeSpan.FromMilliseconds(500)));
        await slow.RegisterAsync("staf-pk");
        var operatorUser = slow.Official("staf-pk");

        await operatorUser.SendTextAsync("/buka 2099-TW1");
        var question = await operatorUser.WaitForReplyAsync(m => m.FindButton(BotTexts.Cancel) is not null, BotHarness.Patience);
        await operatorUser.PressButtonAsync(question.MessageId, question.FindButton(BotTexts.Cancel)!.CallbackData!);
        await operatorUser.WaitForReplyAsync(m => m.MessageId == question.MessageId && m.InlineKeyboard.Count == 0, BotHarness.Patience);

        Assert.Equal("Baik, dibatalkan.", Assert.Single(slow.Server.CallbackAnswers).Text);
    }

    /// <summary>Holds back the bot's view of each sendMessage answer, after Telegram has applied it.</summary>
    private sealed class SlowSendResponses(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri!.AbsolutePath.EndsWith("/sendMessage", StringComparison.Ordinal))
            {
                await Task.Delay(delay, cancellationToken);
            }

            return response;
        }
    }
}
