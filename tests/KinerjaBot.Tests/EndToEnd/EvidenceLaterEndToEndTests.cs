using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>A unit head without the photo at hand answers the other indicators first and sends the evidence later.</summary>
public sealed class EvidenceLaterEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 4, 2, 0xFF, 0xD9];

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

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Nanti_at_required_evidence_moves_on_and_kirim_waits_saying_which_evidence_is_owed()
    {
        var prompt = await AnswerUpToRequiredEvidenceAsync();
        Assert.Contains("📎", prompt.Content);
        Assert.NotNull(prompt.FindButton("Nanti"));

        await KasiPem.PressButtonAsync(prompt.MessageId, prompt.FindButton("Nanti")!.CallbackData!);
        var next = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.2 "), BotHarness.Patience);
        Assert.Contains("bukti IK-1.1 dapat dikirim nanti", next.Content);

        await KasiPem.SendTextAsync("2,5");
        var summary = await KasiPem.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        Assert.Contains("Bukti wajib yang masih ditunggu: IK-1.1", summary.Content);
        Assert.NotNull(summary.FindButton("Kirim bukti IK-1.1"));

        // Kirim waits for the evidence, says which, and offers the way to send it; nothing reaches the verifier.
        await KasiPem.PressButtonAsync(summary.MessageId, summary.Buttons.First(b => b.Text == "Kirim").CallbackData!);
        var refused = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Data belum bisa dikirim"), BotHarness.Patience);
        Assert.Contains("bukti wajib IK-1.1 belum dikirim", refused.Content);
        Assert.Equal(UnitSubmissionWorkflow.Filling, (await InstanceAsync()).State);

        await KasiPem.PressButtonAsync(refused.MessageId, refused.FindButton("Kirim bukti IK-1.1")!.CallbackData!);
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("bukti untuk IK-1.1 (wajib)"), BotHarness.Patience);
        await KasiPem.SendPhotoAsync(Photo);
        var fresh = await KasiPem.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        Assert.Contains("Bukti untuk IK-1.1 sudah diterima", fresh.Content);
        Assert.DoesNotContain("masih ditunggu", fresh.Content);

        await KasiPem.PressButtonAsync(fresh.MessageId, fresh.Buttons.First(b => b.Text == "Kirim").CallbackData!);
        var request = await Verifier.WaitForReplyAsync(m => m.Content.Contains("Verifikasi data Seksi Pemerintahan"), BotHarness.Patience);
        Assert.Contains("Bukti: terlampir", request.Content);
    }

    [Fact]
    public async Task Typed_menyusul_moves_on_survives_a_restart_and_isi_resumes_at_the_owed_evidence()
    {
        await AnswerUpToRequiredEvidenceAsync();

        await _bot.StopBotAsync();
        await _bot.StartBotAsync();

        await KasiPem.SendTextAsync("fotonya menyusul");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.2 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("2,5");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("masih ditunggu: IK-1.1"), BotHarness.Patience);

        // The words were not taken as a value or a note: IK-1.1 keeps 3, no note, no evidence.
        var instanceId = (await InstanceAsync()).Id;
        var values = await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instanceId, default));
        Assert.Equal(3m, values["IK-1.1"].Value);
        Assert.Null(values["IK-1.1"].Note);
        Assert.Null(values["IK-1.1"].EvidencePath);

        await KasiPem.SendTextAsync("/isi");
        var resumed = await KasiPem.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("bukti untuk IK-1.1 (wajib)", resumed.Content);

        await KasiPem.SendPhotoAsync(Photo);
        var summary = await KasiPem.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        Assert.DoesNotContain("masih ditunggu", summary.Content);
        values = await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instanceId, default));
        Assert.NotNull(values["IK-1.1"].EvidencePath);
        Assert.Equal(3m, values["IK-1.1"].Value);
    }

    /// <summary>IKU-1 answered (evidence skipped), IK-1.1 answered; returns the question for IK-1.1's required evidence.</summary>
    private async Task<ChatMessage> AnswerUpToRequiredEvidenceAsync()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Mulai isi");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IKU-1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("80");
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("3");
        return await KasiPem.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), BotHarness.Patience);
    }

    private async Task<WorkflowInstance> InstanceAsync() =>
        (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
}
