using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>A value far from its target (either side) or from last period's needs a short reason, and the verifier sees a flag.</summary>
public sealed class PlausibilityEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 7, 7, 0xFF, 0xD9];

    private BotHarness _bot = null!;

    private SimulatedUser KasiPem => _bot.Official("kasi-pem");

    private SimulatedUser Verifier => _bot.Official("kasubbag-pk");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-pem", "kasubbag-pk" })
        {
            await _bot.RegisterAsync(id);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Values_far_below_and_far_above_target_need_a_reason_and_reach_the_verifier_flagged()
    {
        await _bot.OpenPeriodAsync(Period.Id);
        await StartAsync();

        // IKU-1, target 80 %: 20 % is under a third of it. Nothing is stored until the reason comes.
        await KasiPem.SendTextAsync("20");
        var asked = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Apakah benar"), BotHarness.Patience);
        Assert.Contains("kurang dari sepertiga target (80 %)", asked.Content);
        Assert.Contains("paling sedikit 3 kata", asked.Content);
        Assert.Null(asked.FindButton("Ya, benar"));
        Assert.DoesNotContain("IKU-1", await StoredCodesAsync());

        await KasiPem.SendTextAsync("banjir");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Alasan terlalu singkat"), BotHarness.Patience);
        await KasiPem.SendTextAsync("banyak desa terlambat karena banjir");
        var recorded = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        Assert.Contains("Keterangan: banyak desa terlambat karena banjir", recorded.Content);
        await KasiPem.PressButtonAsync("Lewati");

        // IK-1.1, target 3 kegiatan: 12 with its reason on the second line gets "Ya, benar" at once.
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("12\nada rapat tambahan dari kabupaten");
        var confirm = await KasiPem.WaitForReplyAsync(m => m.FindButton("Ya, benar") is not null, BotHarness.Patience);
        Assert.Contains("lebih dari 3 kali target (3 kegiatan)", confirm.Content);
        await KasiPem.PressButtonAsync(confirm.MessageId, confirm.FindButton("Ya, benar")!.CallbackData!);
        await SendTheRestAsync(ik12: "2,5", ik11Answered: true);

        var request = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        var iku1 = Section(request.Content, "IKU-1 ", "IK-1.1 ");
        Assert.Contains("⚠️ Perlu perhatian: nilai ini kurang dari sepertiga target (80 %)", iku1);
        Assert.Contains("Keterangan: banyak desa terlambat karena banjir", iku1);
        var ik11 = Section(request.Content, "IK-1.1 ", "IK-1.2 ");
        Assert.Contains("⚠️ Perlu perhatian: nilai ini lebih dari 3 kali target (3 kegiatan)", ik11);
        Assert.Contains("Keterangan: ada rapat tambahan dari kabupaten", ik11);
        Assert.DoesNotContain("⚠️", Section(request.Content, "IK-1.2 ", "Tekan"));
    }

    [Fact]
    public async Task A_value_near_target_but_far_from_last_periods_needs_a_reason_and_is_flagged()
    {
        // Triwulan II: IKU-1 was 90 %.
        var previous = Period.Quarter(2026, 2);
        await _bot.OpenPeriodAsync(previous.Id);
        await StartAsync();
        await KasiPem.SendTextAsync("90");
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await SendTheRestAsync(ik12: "3");
        var earlier = await Verifier.WaitForReplyAsync(m => m.FindButton("Setujui") is not null, BotHarness.Patience);
        await Verifier.PressButtonAsync(earlier.MessageId, earlier.FindButton("Setujui")!.CallbackData!);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);

        // Triwulan III, target 80 %: 28 % is within a third of the target but under a third of last period's 90 %.
        await _bot.OpenPeriodAsync(Period.Id);
        await StartAsync();
        await KasiPem.SendTextAsync("28");
        var asked = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Apakah benar"), BotHarness.Patience);
        Assert.Contains("jauh berbeda dari realisasi periode lalu (90 %)", asked.Content);
        await KasiPem.SendTextAsync("pelaporan desa pindah ke aplikasi baru");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Tercatat"), BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await SendTheRestAsync(ik12: "2,5");

        var request = await Verifier.WaitForReplyAsync(m => m.Content.Contains($"Verifikasi data Seksi Pemerintahan — {Period.DisplayName}"), BotHarness.Patience);
        Assert.Contains("⚠️ Perlu perhatian: nilai ini jauh berbeda dari realisasi periode lalu (90 %)", Section(request.Content, "IKU-1 ", "IK-1.1 "));
    }

    /// <summary>IK-1.1 = 3 (unless already answered) with its photo, IK-1.2 = <paramref name="ik12"/>, then Kirim.</summary>
    private async Task SendTheRestAsync(string ik12, bool ik11Answered = false)
    {
        if (!ik11Answered)
        {
            await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
            await KasiPem.SendTextAsync("3");
        }

        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);
        await KasiPem.SendPhotoAsync(Photo);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.2 "), BotHarness.Patience);
        await KasiPem.SendTextAsync(ik12);
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Kirim");
    }

    private async Task StartAsync()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Mulai isi");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IKU-1 "), BotHarness.Patience);
    }

    private async Task<IReadOnlyCollection<string>> StoredCodesAsync()
    {
        var instance = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
        return (await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instance.Id, default))).Keys.ToList();
    }

    private static string Section(string content, string from, string to)
    {
        var start = content.IndexOf(from, StringComparison.Ordinal);
        var end = content.IndexOf(to, start + from.Length, StringComparison.Ordinal);
        return content[start..(end < 0 ? content.Length : end)];
    }
}
