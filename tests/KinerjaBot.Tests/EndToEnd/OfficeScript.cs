using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>Scripted steps of the sample office that several end-to-end tests need before the part they test.</summary>
public static class OfficeScript
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9, 0xFF, 0xD9];

    /// <summary>The unit head fills every indicator with its target (or fixes after a return) and the verifiers approve.</summary>
    public static async Task CompleteUnitAsync(BotHarness bot, Period period, string unitId, bool firstTime)
    {
        var unit = SampleOffice.Configuration.Unit(unitId);
        var head = bot.Official(unit.HeadId);
        await SubmitUnitAsync(bot, period, unitId, firstTime);
        foreach (var verifierId in unit.VerifierIds)
        {
            var verifier = bot.Official(verifierId);
            var message = await bot.Server.WaitForBotMessageAsync(verifier.ChatId, m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.FindButton("Setujui") is not null, BotHarness.Patience);
            await verifier.PressButtonAsync(message.MessageId, message.FindButton("Setujui")!.CallbackData!);
        }

        await head.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
    }

    /// <summary>Each chain official in turn presses their stage's button (Validasi, Paraf, Tandatangani) on the draft.</summary>
    public static async Task ApproveStagesAsync(BotHarness bot, params (string OfficialId, string Label)[] stages)
    {
        foreach (var (officialId, label) in stages)
        {
            var user = bot.Official(officialId);
            var message = await bot.Server.WaitForBotMessageAsync(user.ChatId, m => m.FindButton(label) is not null, BotHarness.Patience);
            await user.PressButtonAsync(message.MessageId, message.FindButton(label)!.CallbackData!);
        }
    }

    /// <summary>The whole chain of the sample office approves: validation, paraf, signature.</summary>
    public static Task SignReportAsync(BotHarness bot) =>
        ApproveStagesAsync(bot, ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"), ("camat", "Tandatangani"));

    /// <summary>The unit head fills every indicator with its target (or fixes after a return) and presses Kirim.</summary>
    public static async Task SubmitUnitAsync(BotHarness bot, Period period, string unitId, bool firstTime)
    {
        var office = SampleOffice.Configuration;
        var head = bot.Official(office.Unit(unitId).HeadId);
        if (firstTime)
        {
            await head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
            await head.PressButtonAsync("Mulai isi");
            foreach (var indicator in office.IndicatorsFor(unitId, period))
            {
                await head.WaitForReplyAsync(m => m.Content.Contains($"{indicator.Code} {indicator.Name}"), BotHarness.Patience);
                await head.SendTextAsync(IndonesianFormat.Number(indicator.TargetFor(period)!.Value));
                if (indicator.Evidence == EvidenceRule.Required)
                {
                    await head.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);
                    await head.SendPhotoAsync(Photo);
                }
                else if (indicator.Evidence == EvidenceRule.Optional)
                {
                    await head.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
                    await head.PressButtonAsync("Lewati");
                }
            }
        }
        else
        {
            await head.PressButtonAsync("Perbaiki");
        }

        await head.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        await head.PressButtonAsync("Kirim");
    }
}
