using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Sandbox;

namespace KinerjaBot.Tests.EndToEnd;

public sealed class ButtonAnswerEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.RegisterAsync("staf-pk");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Every_press_is_answered_once_even_when_answering_it_fails_at_first()
    {
        var operatorUser = _bot.Official("staf-pk");
        BotApiFault[] faults =
        [
            BotApiFault.ServerError(),
            BotApiFault.DropConnection(),
            BotApiFault.TooManyRequests(1),
            BotApiFault.DropResponse(),
            BotApiFault.ServerError(),
        ];
        var presses = new List<long>();

        foreach (var fault in faults)
        {
            // A period that has not ended asks for a confirmation; its "Batal" is a harmless button to press.
            await operatorUser.SendTextAsync("/buka 2099-TW1");
            var question = await operatorUser.WaitForReplyAsync(m => m.FindButton(BotTexts.Cancel) is not null, BotHarness.Patience);
            _bot.Server.InjectFault("answerCallbackQuery", fault, count: 2);
            presses.Add(question.MessageId);
            await operatorUser.PressButtonAsync(question.MessageId, question.FindButton(BotTexts.Cancel)!.CallbackData!);
            await WaitUntilAsync(() => _bot.Server.CallbackAnswers.Count == presses.Count);
            _bot.Server.ClearFaults();
        }

        var answers = _bot.Server.CallbackAnswers;
        Assert.Equal(presses, answers.Select(a => a.MessageId));
        Assert.All(answers, a => Assert.Equal("Baik, dibatalkan.", a.Text));
        Assert.Equal(answers.Count, answers.Select(a => a.CallbackQueryId).Distinct().Count());
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var giveUp = DateTime.UtcNow + BotHarness.Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "the press was not answered in time");
            await Task.Delay(20);
        }
    }
}
