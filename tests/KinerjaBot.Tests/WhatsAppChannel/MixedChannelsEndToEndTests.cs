using System.Text.Json.Nodes;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// Seksi Trantib's data over both channels: the operator and the second verifier on Telegram, the unit head and the
/// first verifier on WhatsApp. Filled with a mistake, a photo as evidence, returned with a reason, fixed, approved by
/// both verifiers in order — the same workflow whichever channel each one uses.
/// </summary>
public sealed class MixedChannelsEndToEndTests : IAsyncLifetime
{
    private const string Kasi = "6281200000107";
    private const string Kasubbag = "6281200000103";
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 0xFF, 0xD9];

    private FakeGraphServer _graph = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _bot = await _graph.StartBotAsync();
        await _bot.RegisterAsync("sekcam");
        foreach (var waId in new[] { Kasi, Kasubbag })
        {
            await _graph.GreetAsync(waId, "Assalamualaikum");
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_submission_filled_and_first_verified_on_whatsapp_is_returned_fixed_and_approved_across_both_channels()
    {
        await _bot.OpenPeriodAsync("2026-TW3");
        await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Mulai isi"));
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Mulai isi"), "IKU-2");

        var complaint = await Step(Kasi, () => _graph.SendTextAsync(Kasi, "150"), "100");
        Assert.DoesNotContain("Tercatat", FakeGraphServer.TextOf(complaint));
        await Step(Kasi, () => _graph.SendTextAsync(Kasi, "72,5\nRazia PKL tiga kali"), "Tercatat");
        await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Lewati"));
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Lewati"), "IK-2.1");
        await Step(Kasi, () => _graph.SendTextAsync(Kasi, "9"), "IK-2.2");
        await Step(Kasi, () => _graph.SendTextAsync(Kasi, "24"), "(wajib)");
        var summary = await Step(Kasi, () => _graph.SendImageAsync(Kasi, Photo, string.Empty), "Ringkasan");
        Assert.Contains(FakeGraphServer.ButtonsOf(summary).Concat(FakeGraphServer.RowsOf(summary)), b => b.Title == "Kirim");
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Kirim"), "telah dikirim kepada Hendra Saputra");

        // The first verifier, on WhatsApp, gets the values and the photo as an uploaded document.
        var toVerify = await _graph.WaitForAsync(Kasubbag, m => FakeGraphServer.TextOf(m).Contains("Verifikasi data Seksi Ketentraman"));
        Assert.Contains("72,5 %", FakeGraphServer.TextOf(toVerify));
        var evidence = await _graph.WaitForAsync(Kasubbag, m => (string?)m["type"] == "document" && FakeGraphServer.TextOf(m).Contains("Bukti IK-2.2"));
        Assert.Equal(Photo, _graph.Media((string)evidence["document"]!["id"]!));

        await _graph.WaitForAsync(Kasubbag, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Kembalikan"));
        await Step(Kasubbag, () => _graph.PressAsync(Kasubbag, "Kembalikan"), "alasan");
        await Step(Kasubbag, () => _graph.SendTextAsync(Kasubbag, "Foto patroli kurang jelas, mohon nilai IKU-2 dicek lagi."), "dikembalikan kepada Siti Nurhaliza");
        var returned = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Perbaiki"));
        Assert.Contains("Foto patroli kurang jelas", FakeGraphServer.TextOf(returned));

        await Step(Kasi, () => _graph.PressAsync(Kasi, "Perbaiki"), "Revisi ke-2");
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Ubah IKU-2"), "Nilai tersimpan saat ini: 72,5 %");
        await Step(Kasi, () => _graph.SendTextAsync(Kasi, "75"), "Tercatat");
        await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Lewati"));
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Lewati"), "Ringkasan");
        await Step(Kasi, () => _graph.PressAsync(Kasi, "Kirim"), "telah dikirim");

        var again = await _graph.WaitForAsync(Kasubbag, m => FakeGraphServer.TextOf(m).Contains("Diubah dari: 72,5 %"));
        Assert.Contains("Revisi ke-2", FakeGraphServer.TextOf(again));
        await _graph.WaitForAsync(Kasubbag, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Setujui"), _graph.SentTo(Kasubbag).ToList().IndexOf(again));
        await _graph.PressAsync(Kasubbag, "Setujui");

        // The second verifier is on Telegram.
        var sekcam = _bot.Official("sekcam");
        var second = await sekcam.WaitForReplyAsync(m => m.Content.Contains("verifikator ke-2 dari 2"), BotHarness.Patience);
        await sekcam.PressButtonAsync(second.MessageId, second.FindButton("Setujui")!.CallbackData!);
        await _graph.WaitForAsync(Kasi, m => FakeGraphServer.TextOf(m).Contains("telah terverifikasi"));

        var instance = await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, "2026-TW3", "trantib", default));
        Assert.Equal(UnitSubmissionWorkflow.Verified, instance!.State);
        Assert.Empty(_graph.Refusals);
    }

    /// <summary>Does something as <paramref name="waId"/> and waits for the bot's answer containing <paramref name="expected"/>.</summary>
    private async Task<JsonObject> Step(string waId, Func<Task> act, string expected)
    {
        var seen = _graph.SentTo(waId).Count;
        await act();
        return await _graph.WaitForAsync(waId, m => FakeGraphServer.TextOf(m).Contains(expected, StringComparison.Ordinal), seen);
    }
}
