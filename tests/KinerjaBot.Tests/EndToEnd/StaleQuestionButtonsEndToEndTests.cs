using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The buttons of a filling question (Ya, benar, Lewati, Nanti) stop working once a newer question is asked: an old one
/// pressed later is answered as stale and never acts on the newer question.
/// </summary>
public sealed class StaleQuestionButtonsEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 5, 5, 0xFF, 0xD9];

    private BotHarness _bot = null!;

    private SimulatedUser KasiPem => _bot.Official("kasi-pem");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-pem" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
        await BotHarness.StartFillingAsync(KasiPem, "IKU-1");
        await KasiPem.SendTextAsync("80");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_older_ya_benar_cannot_confirm_the_value_typed_after_it()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);

        await KasiPem.SendTextAsync("12\nada rapat tambahan dari kabupaten");
        var older = await KasiPem.WaitForReplyAsync(m => m.FindButton("Ya, benar") is not null, BotHarness.Patience);
        await KasiPem.SendTextAsync("10\nrapat tambahan dari kecamatan juga");
        var newer = await KasiPem.WaitForReplyAsync(m => m.FindButton("Ya, benar") is not null && m.Content.Contains("10 kegiatan"), BotHarness.Patience);

        await KasiPem.PressButtonAsync(older.MessageId, older.FindButton("Ya, benar")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Tombol ini sudah tidak berlaku") == true, BotHarness.Patience);
        Assert.False((await ValuesAsync()).ContainsKey("IK-1.1"));

        // The correction survives: its own Ya, benar stores it.
        await KasiPem.PressButtonAsync(newer.MessageId, newer.FindButton("Ya, benar")!.CallbackData!);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Tercatat: IK-1.1 = 10 kegiatan"), BotHarness.Patience);
        var stored = (await ValuesAsync())["IK-1.1"];
        Assert.Equal((10m, "rapat tambahan dari kecamatan juga"), (stored.Value, stored.Note));
    }

    [Fact]
    public async Task An_older_lewati_left_on_screen_cannot_skip_a_newer_evidence_question()
    {
        var older = await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.SendPhotoAsync(Photo);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("3");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);

        await KasiPem.PressButtonAsync(older.MessageId, older.FindButton("Lewati")!.CallbackData!);
        await _bot.Server.WaitForRequestAsync(r => r.Method == "answerCallbackQuery" && r.Parameter("text")?.Contains("Tombol ini sudah tidak berlaku") == true, BotHarness.Patience);

        // IK-1.1's evidence question is still the open one: the photo sent next is its evidence.
        await KasiPem.SendPhotoAsync(Photo);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Bukti untuk IK-1.1 sudah diterima"), BotHarness.Patience);
        Assert.NotNull((await ValuesAsync())["IK-1.1"].EvidencePath);
    }

    private async Task<IReadOnlyDictionary<string, StoredValue>> ValuesAsync()
    {
        var instance = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
        return await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instance.Id, default));
    }
}
