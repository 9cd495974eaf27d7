using KinerjaBot.Reminders;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.Reminders;

/// <summary>
/// The format approval's steps are reminded and escalated like the other workflows' (simulated time from Monday
/// 14 December 2026 09.00 WIB, the whole bot over real HTTP, <c>format_approval: on</c> with the SOP's times).
/// </summary>
public sealed class FormatApprovalRemindersEndToEndTests : IAsyncLifetime
{
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Wib));
    private readonly TempDirectory _config = new();
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        SampleOffice.CopyTo(_config.Path);
        await File.AppendAllTextAsync(Path.Combine(_config.Path, "office.yaml"), "\nformat_approval: on\n");
        _bot = await BotHarness.StartAsync(_clock, configDirectory: _config.Path);
        foreach (var id in new[] { "staf-pk", "kasubbag-pk", "sekcam", "camat" })
        {
            await _bot.RegisterAsync(id);
        }
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        _config.Dispose();
    }

    [Fact]
    public async Task The_planning_official_and_the_secretary_are_reminded_of_the_draft_and_a_late_paraf_reaches_the_head()
    {
        var kasubbag = _bot.Official("kasubbag-pk");
        var sekcam = _bot.Official("sekcam");
        await _bot.Official("staf-pk").SendTextAsync("/buka 2026-TW3");
        await kasubbag.WaitForReplyAsync(m => m.FindButton(FormatApprovalWorkflow.ReviewLabel) is not null, BotHarness.Patience);

        // Review has 2 working days (Wednesday 17.00): the day before, at the start of working hours.
        await TickAtAsync(new DateTimeOffset(2026, 12, 15, 7, 0, 0, Wib));
        var reminder = await kasubbag.WaitForReplyAsync(m => m.Content.StartsWith("Pengingat", StringComparison.Ordinal), BotHarness.Patience);
        Assert.Contains("Draf format data kinerja Triwulan III 2026 menunggu pemeriksaan draf format Bapak/Ibu.", reminder.Content);
        Assert.Contains("Batas waktu: Rabu, 16 Desember 2026 17.00 WIB (besok).", reminder.Content);

        // The reminder's own Setujui moves the format on; the secretary has 10 minutes.
        _clock.JumpTo(new DateTimeOffset(2026, 12, 15, 9, 0, 0, Wib));
        await kasubbag.PressButtonAsync(reminder.MessageId, reminder.FindButton(FormatApprovalWorkflow.ReviewLabel)!.CallbackData!);
        await sekcam.WaitForReplyAsync(m => m.FindButton(FormatApprovalWorkflow.ParafLabel) is not null, BotHarness.Patience);
        await TickAtAsync(new DateTimeOffset(2026, 12, 15, 9, 11, 0, Wib));
        var paraf = await sekcam.WaitForReplyAsync(m => m.Content.StartsWith("Pengingat", StringComparison.Ordinal), BotHarness.Patience);
        Assert.Contains("menunggu paraf format Bapak/Ibu.", paraf.Content);
        Assert.NotNull(paraf.FindButton(FormatApprovalWorkflow.ParafLabel));

        // A working day late: the head (the secretary's superior) gets the digest naming the step.
        await TickAtAsync(new DateTimeOffset(2026, 12, 17, 7, 0, 0, Wib));
        var digest = await _bot.Official("camat").WaitForReplyAsync(m => m.Content.Contains("Rekap keterlambatan"), BotHarness.Patience);
        Assert.Contains("paraf format (Triwulan III 2026)", digest.Content);
        Assert.NotNull(digest.FindButton("Ingatkan Ratna Kusumawardani"));
    }

    private async Task TickAtAsync(DateTimeOffset localTime)
    {
        _clock.JumpTo(localTime);
        await _bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(default);
    }
}
