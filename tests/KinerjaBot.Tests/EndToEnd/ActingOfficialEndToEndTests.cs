using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Reminders;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// A Plh. over real HTTP: office.yaml names the Sekcam as Plh. Camat for two weeks of December; during them she is
/// told, receives and presses the head's Tandatangani, and the signed PDF carries her name, rank and NIP under
/// "Plh. Camat Sukamaju"; after them the head receives and signs again.
/// </summary>
public sealed class ActingOfficialEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly TempDirectory _config = new();
    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, Wib));
    private BotHarness _bot = null!;

    private SimulatedUser Sekcam => _bot.Official("sekcam");

    private SimulatedUser Camat => _bot.Official("camat");

    public async Task InitializeAsync()
    {
        SampleOffice.CopyTo(_config.Path);
        await File.AppendAllTextAsync(_config.Combine("office.yaml"), "\nacting:\n  - {for: camat, by: sekcam, kind: plh, from: 2026-12-01, to: 2026-12-14}\n");
        _bot = await BotHarness.StartAsync(_clock, configDirectory: _config.Path);
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _config.Dispose();
    }

    [Fact]
    public async Task A_plh_signs_during_the_configured_range_and_the_head_signs_again_after_it()
    {
        // The range is announced on the reminder pass: the head once, the Plh. once.
        await _bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(default);
        var toldHead = await Camat.WaitForReplyAsync(m => m.Content.Contains("bertugas sebagai Plh. Camat Sukamaju"), BotHarness.Patience);
        Assert.Contains("Ratna Kusumawardani, S.IP.", toldHead.Content);
        Assert.Contains("1 Desember 2026 sampai dengan 14 Desember 2026", toldHead.Content);
        await Sekcam.WaitForReplyAsync(m => m.Content.Contains("Bapak/Ibu bertugas sebagai Plh. Camat Sukamaju"), BotHarness.Patience);
        await _bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(default);

        var inRange = await SignAsync(Period.Quarter(2026, 3), "sekcam");
        Assert.Contains("Bapak/Ibu menerima ini sebagai Plh. Camat Sukamaju.", inRange.Prompt.Content);
        Assert.Contains("Sudah diparaf oleh Ratna Kusumawardani, S.IP.", inRange.Prompt.Content);
        Assert.Contains("telah ditandatangani oleh Ratna Kusumawardani, S.IP. (Plh. Camat Sukamaju).", inRange.Delivered);
        Assert.DoesNotContain(Camat.Messages, m => m.FindButton("Tandatangani") is not null);
        Assert.Single(Camat.Messages, m => m.Content.Contains("bertugas sebagai Plh. Camat Sukamaju"));
        Assert.Contains("Plh. Camat Sukamaju", inRange.PdfText);
        Assert.Contains("NIP. 19750822 200312 2 002", inRange.PdfText);
        Assert.Contains("Pembina (IV/a)", inRange.PdfText);
        Assert.DoesNotContain("NIP. 19700315 200003 1 004", inRange.PdfText);

        // The audit says who signed for whom.
        var signature = await _bot.ReadStoreAsync(async tx =>
        {
            var report = await tx.Workflows.FindAsync(WorkflowKind.OfficeReport, "2026-TW3", null, default);
            return (await tx.Audit.ForInstanceAsync(report!.Id, default)).Last(a => a.Trigger == WorkflowTrigger.Approve);
        });
        Assert.Equal("sekcam", signature.ActorId);
        Assert.Equal(new ActingCapacity("camat", ActingKind.Plh), signature.ActingFor);

        // Tuesday 15 December, the day after the range: the head receives and signs again, as himself.
        _clock.JumpTo(new DateTimeOffset(2026, 12, 15, 9, 0, 0, Wib));
        var afterRange = await SignAsync(Period.Quarter(2026, 4), "camat");
        Assert.DoesNotContain("Plh.", afterRange.Prompt.Content);
        Assert.Contains("telah ditandatangani oleh Drs. Bagus Wicaksono, M.Si.", afterRange.Delivered);
        Assert.DoesNotContain("Plh.", afterRange.PdfText);
        Assert.Contains("Camat Sukamaju", afterRange.PdfText);
        Assert.Contains("Drs. Bagus Wicaksono, M.Si.", afterRange.PdfText);
        Assert.Contains("NIP. 19700315 200003 1 004", afterRange.PdfText);
    }

    /// <summary>
    /// Opens the period, completes every unit, validates and initials; <paramref name="signerId"/> signs. Returns the
    /// signature prompt, the operator's delivery message and the signed PDF's text.
    /// </summary>
    private async Task<(ChatMessage Prompt, string Delivered, string PdfText)> SignAsync(Period period, string signerId)
    {
        await _bot.OpenPeriodAsync(period.Id);
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            await OfficeScript.CompleteUnitAsync(_bot, period, unit.Id, firstTime: true);
        }

        var kasubbag = _bot.Official("kasubbag-pk");
        var validation = await kasubbag.WaitForReplyAsync(m => m.FindButton("Validasi") is not null && m.Content.Contains(period.DisplayName), BotHarness.Patience);
        await kasubbag.PressButtonAsync(validation.MessageId, validation.FindButton("Validasi")!.CallbackData!);
        var paraf = await Sekcam.WaitForReplyAsync(m => m.FindButton("Paraf") is not null && m.Content.Contains(period.DisplayName), BotHarness.Patience);
        await Sekcam.PressButtonAsync(paraf.MessageId, paraf.FindButton("Paraf")!.CallbackData!);

        var signer = _bot.Official(signerId);
        var prompt = await signer.WaitForReplyAsync(m => m.FindButton("Tandatangani") is not null && m.Content.Contains(period.DisplayName), BotHarness.Patience);
        await signer.PressButtonAsync(prompt.MessageId, prompt.FindButton("Tandatangani")!.CallbackData!);
        var signed = await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Content.Contains($"{period.DisplayName} telah ditandatangani") && m.Document is not null, BotHarness.Patience);
        return (prompt, signed.Content, string.Join("\n", PdfText.Pages(_bot.Server.ReadFile(signed.Document!.FileId))));
    }
}
