using System.Text.Json.Nodes;
using KinerjaBot.Domain;
using KinerjaBot.Storage;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// A rollup question on WhatsApp, where sent buttons can never be removed: an older question's "Benar: …" stays on
/// screen for good, so its press must not confirm the value computed for the question open now.
/// </summary>
public sealed class RollupWhatsAppEndToEndTests : IAsyncLifetime
{
    // kasubbag-umum's roster number 081200000105, as WhatsApp names it.
    private const string Head = "6281200000105";

    private FakeGraphServer _graph = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _bot = await _graph.StartBotAsync();
        await _bot.RegisterAsync("sekcam");
        await _graph.GreetAsync(Head, "Assalamualaikum");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task An_older_rollup_questions_benar_left_on_whatsapp_is_answered_as_no_longer_valid_and_cannot_confirm_the_next_indicators_computed_value()
    {
        await FillAndVerifyMonthAsync(Period.Month(2026, 7), attendance: "96", documents: "48");
        await FillAndVerifyMonthAsync(Period.Month(2026, 8), attendance: "95", documents: "52");
        await FillAndVerifyMonthAsync(Period.Month(2026, 9), attendance: "97", documents: "50");

        var quarter = Period.Quarter(2026, 3);
        await StartFillingAsync(quarter);
        var attendance = await _graph.WaitForAsync(Head, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Benar: 96 %"));
        var olderBenar = FakeGraphServer.ButtonsOf(attendance).Single(b => b.Title == "Benar: 96 %");
        var seen = _graph.SentTo(Head).Count;
        await _graph.SendTextAsync(Head, "95,5\nsatu pegawai cuti sakit tercatat terlambat");
        await _graph.WaitForAsync(Head, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title.StartsWith("Benar: 150", StringComparison.Ordinal)), seen);

        // WhatsApp has no toast: the official is told in a message that the old button no longer counts.
        await Step(() => _graph.PressButtonAsync(Head, olderBenar.Id, olderBenar.Title), "sudah tidak berlaku");

        // IK-5.3 is still the open question, with nothing stored: a different figure is read as its correction.
        await Step(() => _graph.SendTextAsync(Head, "149"), "berbeda dari hasil perhitungan (150 dokumen)");
        Assert.Null(await CurrentValueAsync(quarter, "IK-5.3"));
        Assert.Equal(95.5m, (await CurrentValueAsync(quarter, "IK-5.1"))!.Value);

        await Step(() => _graph.PressAsync(Head, "Benar: 150"), "Tercatat");
        var confirmed = await CurrentValueAsync(quarter, "IK-5.3");
        Assert.Equal((150m, "Jumlah Juli–September: 48 + 52 + 50 = 150"), (confirmed!.Value, confirmed.Note));
        Assert.Empty(_graph.Refusals);
    }

    private async Task FillAndVerifyMonthAsync(Period month, string attendance, string documents)
    {
        await StartFillingAsync(month);
        await Step(() => _graph.SendTextAsync(Head, attendance), "IK-5.3");
        var seen = _graph.SentTo(Head).Count;
        await _graph.SendTextAsync(Head, documents);
        await _graph.WaitForAsync(Head, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Lewati"), seen);
        await Step(() => _graph.PressAsync(Head, "Lewati"), "Ringkasan");
        await Step(() => _graph.PressAsync(Head, "Kirim"), "telah dikirim");

        var sekcam = _bot.Official("sekcam");
        var request = await _bot.Server.WaitForBotMessageAsync(sekcam.ChatId, m => m.Content.Contains("Verifikasi data Subbagian Umum") && m.Content.Contains(month.DisplayName) && m.FindButton("Setujui") is not null, BotHarness.Patience);
        await sekcam.PressButtonAsync(request.MessageId, request.FindButton("Setujui")!.CallbackData!);
        await _graph.WaitForAsync(Head, m => FakeGraphServer.TextOf(m).Contains("telah terverifikasi") && FakeGraphServer.TextOf(m).Contains(month.DisplayName));
    }

    private async Task StartFillingAsync(Period period)
    {
        var seen = _graph.SentTo(Head).Count;
        await _bot.OpenPeriodAsync(period.Id);
        await _graph.WaitForAsync(Head, m => FakeGraphServer.TextOf(m).Contains(period.DisplayName) && FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Mulai isi"), seen);
        await Step(() => _graph.PressAsync(Head, "Mulai isi"), "IK-5.1");
    }

    /// <summary>Does something as the unit head and waits for the bot's answer containing <paramref name="expected"/>.</summary>
    private async Task<JsonObject> Step(Func<Task> act, string expected)
    {
        var seen = _graph.SentTo(Head).Count;
        await act();
        return await _graph.WaitForAsync(Head, m => FakeGraphServer.TextOf(m).Contains(expected, StringComparison.Ordinal), seen);
    }

    private async Task<StoredValue?> CurrentValueAsync(Period period, string code) =>
        await _bot.ReadStoreAsync(async t =>
        {
            var submission = await t.Workflows.FindAsync(WorkflowKind.UnitSubmission, period.Id, "umum", default);
            var values = await t.Values.CurrentAsync(submission!.Id, default);
            return values.GetValueOrDefault(code);
        });
}
