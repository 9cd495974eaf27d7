using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// A press is answered in the message that was pressed where Telegram allows it: one edit that records the answer and
/// drops the old buttons, instead of removing them and sending a message (decisions/0021). No pressed button stays live.
/// </summary>
public sealed class PressAnswerInPlaceEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser Head => _bot.Official("kasi-pem");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasubbag-pk", "kasi-pem" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Mulai_isi_turns_the_opening_message_into_the_first_question_and_its_button_is_gone()
    {
        var opening = await Head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        var first = SampleOffice.Configuration.IndicatorsFor("pemerintahan", Period)[0];
        var messagesBefore = BotMessages().Count;

        await Head.PressButtonAsync("Mulai isi");
        var asked = await Head.WaitForReplyAsync(m => m.Content.Contains($"{first.Code} {first.Name}"), BotHarness.Patience);

        Assert.Equal(opening.MessageId, asked.MessageId);
        Assert.Contains("Mulai isi", asked.Content.Split(first.Code)[0]);
        Assert.Contains("Indikator 1 dari", asked.Content);
        Assert.Empty(asked.InlineKeyboard);
        Assert.Equal(messagesBefore, BotMessages().Count);
        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.Method == "editMessageReplyMarkup" && r.ChatId == Head.ChatId);

        // The answer to it comes as a new message, as every later question does.
        await Head.SendTextAsync(IndonesianFormat.Number(first.TargetFor(Period)!.Value));
        var readBack = await Head.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.NotEqual(opening.MessageId, readBack.MessageId);
    }

    [Fact]
    public async Task Kirim_rewrites_the_summary_with_the_thanks_and_sends_no_message_of_its_own()
    {
        await OfficeScript.SubmitUnitAsync(_bot, Period, "pemerintahan", firstTime: true);
        var summary = await Head.WaitForReplyAsync(m => m.Content.Contains("telah dikirim kepada Hendra Saputra"), BotHarness.Patience);
        await _bot.WaitForOutboxDrainedAsync();

        Assert.Contains("Ringkasan", summary.Content);
        Assert.Contains("✅ Terima kasih. Data Seksi Pemerintahan telah dikirim kepada Hendra Saputra", summary.Content);
        Assert.Single(BotMessages(), m => m.Content.Contains("telah dikirim kepada"));
        Assert.Empty(summary.InlineKeyboard);
        Assert.DoesNotContain(BotMessages(), m => m.FindButton("Kirim") is not null || m.FindButton("Mulai isi") is not null);
        Assert.Contains("telah dikirim kepada", await _bot.WaitForPressAnswerAsync(Head, summary.MessageId));
        Assert.DoesNotContain(_bot.Server.RequestLog, r => r.StatusCode == 400);
    }

    private List<ChatMessage> BotMessages() => [.. _bot.Server.Messages(Head.ChatId).Where(m => m.Sender == ChatMessageSender.Bot)];
}
