using KinerjaBot.Domain;
using KinerjaBot.Hosting;
using KinerjaBot.Reminders;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Reports.Pdf;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Two offices of one kabupaten in one deployment (one process, one host per office), each with its own bot:
/// Kecamatan Sukamaju (the sample office) and Kecamatan Sukamakmur (a second fictional office). Both use some of
/// the same official and unit ids (camat, staf-pk, pemerintahan), so anything shared between them would show.
/// </summary>
public sealed class SeveralOfficesEndToEndTests : IAsyncLifetime
{
    private const string Sample = SeveralOfficesHarness.Sample;
    private const string Second = SeveralOfficesHarness.Second;
    private SeveralOfficesHarness _offices = null!;

    public async Task InitializeAsync() => _offices = await SeveralOfficesHarness.StartAsync();

    public async Task DisposeAsync() => await _offices.DisposeAsync();

    [Fact]
    public async Task Officials_register_with_their_own_offices_bot_and_an_official_of_one_office_is_a_stranger_at_the_others_bot()
    {
        await _offices.RegisterAsync(Sample, "camat");
        await _offices.RegisterAsync(Second, "camat");

        Assert.Contains("Bagus Wicaksono", _offices.Official(Sample, "camat").Messages.Last(m => m.Content.Contains("terdaftar sebagai")).Content);
        Assert.Contains("Joko Santoso", _offices.Official(Second, "camat").Messages.Last(m => m.Content.Contains("terdaftar sebagai")).Content);

        // Agus Firmansyah is a unit head of Sukamaju; at Sukamakmur's bot his number is not in the roster.
        var agus = _offices.Office(Sample).Official("kasi-pem");
        var atTheOtherBot = _offices.ServerOf(Second).AddUser(720_000_001, "Agus Firmansyah", null, agus.Phone);
        await atTheOtherBot.SendTextAsync("/start");
        await atTheOtherBot.WaitForReplyAsync(m => m.ReplyKeyboard?.Buttons.Any(b => b.RequestContact) == true, BotHarness.Patience);
        await atTheOtherBot.ShareContactAsync();
        var refusal = await atTheOtherBot.WaitForReplyAsync(m => m.Content.Contains("tidak terdaftar"), BotHarness.Patience);

        Assert.Contains("Maaf, nomor ini tidak terdaftar sebagai pejabat Kecamatan Sukamakmur", refusal.Content);
        Assert.DoesNotContain(atTheOtherBot.Messages, m => m.Content.Contains("Bapak/Ibu terdaftar sebagai"));
        Assert.DoesNotContain(atTheOtherBot.Messages, m => m.Content.Contains("Agus Firmansyah, S.H."));
    }

    [Fact]
    public async Task Status_and_rekap_of_each_office_show_only_its_own_units()
    {
        foreach (var office in new[] { Sample, Second })
        {
            await _offices.RegisterAsync(office, "staf-pk");
            await _offices.OpenPeriodAsync(office, "2026-TW3");
        }

        var sampleStatus = await StatusAsync(Sample);
        Assert.Contains("Seksi Ketentraman dan Ketertiban Umum: belum dimulai", sampleStatus);
        Assert.Contains("Seksi Pemerintahan: belum dimulai", sampleStatus);
        Assert.DoesNotContain("Seksi Ekonomi dan Pembangunan", sampleStatus);
        Assert.DoesNotContain("Sukamakmur", sampleStatus);

        var secondStatus = await StatusAsync(Second);
        Assert.Contains("Seksi Ekonomi dan Pembangunan: belum dimulai", secondStatus);
        Assert.Contains("Seksi Pemerintahan Sukamakmur: belum dimulai", secondStatus);
        Assert.DoesNotContain("Ketentraman", secondStatus);
        Assert.DoesNotContain("Kesejahteraan Sosial", secondStatus);

        var sampleDraft = await RekapAsync(Sample);
        Assert.Contains("KECAMATAN SUKAMAJU", sampleDraft.ToUpperInvariant());
        Assert.Contains("Ketertiban", sampleDraft);
        Assert.DoesNotContain("musrenbang", sampleDraft);

        var secondDraft = await RekapAsync(Second);
        Assert.Contains("KECAMATAN SUKAMAKMUR", secondDraft.ToUpperInvariant());
        Assert.Contains("musrenbang", secondDraft);
        Assert.DoesNotContain("Ketertiban", secondDraft);
    }

    [Fact]
    public async Task A_period_opened_in_one_office_prompts_only_that_offices_unit_heads()
    {
        foreach (var (office, id) in new[] { (Sample, "staf-pk"), (Sample, "kasi-pem"), (Sample, "kasi-trantib"), (Second, "staf-pk"), (Second, "kasi-pem"), (Second, "kasi-ekbang") })
        {
            await _offices.RegisterAsync(office, id);
        }

        await _offices.OpenPeriodAsync(Second, "2026-TW3");

        var prompt = await _offices.Official(Second, "kasi-pem").WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        Assert.Contains("Seksi Pemerintahan Sukamakmur", prompt.Content);
        await _offices.Official(Second, "kasi-ekbang").WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await _offices.WaitForDeliveryAsync(Second);

        // Sukamaju has no open period: its heads were not asked, and its /status says so.
        var sampleStatus = await StatusAsync(Sample, waitFor: "Belum ada periode");
        Assert.DoesNotContain("Triwulan III 2026", sampleStatus);
        Assert.All(new[] { "kasi-pem", "kasi-trantib" }, id =>
            Assert.DoesNotContain(_offices.Official(Sample, id).Messages, m => m.FindButton("Mulai isi") is not null || m.Content.Contains("Triwulan III")));
    }

    [Fact]
    public async Task Reminders_go_only_to_the_office_whose_period_is_late()
    {
        await using var offices = await SeveralOfficesHarness.StartAsync(new JumpingClock(Local(2026, 12, 14, 8, 0)));
        foreach (var (office, id) in new[] { (Sample, "staf-pk"), (Sample, "kasi-pem"), (Second, "staf-pk"), (Second, "kasi-pem"), (Second, "kasi-ekbang") })
        {
            await offices.RegisterAsync(office, id);
        }

        // Only Sukamaju opens Triwulan IV; its fill deadline is Thursday 17 December 17.00, so Wednesday 07.00 is H-1.
        await offices.OpenPeriodAsync(Sample, "2026-TW4");
        var clock = (JumpingClock)offices.ServicesOf(Sample).GetRequiredService<TimeProvider>();
        clock.JumpTo(Local(2026, 12, 16, 7, 0));
        var seenBySecond = new[] { "staf-pk", "kasi-pem", "kasi-ekbang" }.ToDictionary(id => id, id => offices.Official(Second, id).Messages.Count);

        await offices.ServicesOf(Sample).GetRequiredService<ReminderScheduler>().TickAsync(default);
        var secondTick = await offices.ServicesOf(Second).GetRequiredService<ReminderScheduler>().TickAsync(default);
        await offices.WaitForDeliveryAsync(Sample);
        await offices.WaitForDeliveryAsync(Second);

        Assert.Equal(0, secondTick.Total);
        var reminder = await offices.Official(Sample, "kasi-pem").WaitForReplyAsync(m => m.Content.Contains("(besok)"), BotHarness.Patience);
        Assert.Contains("Seksi Pemerintahan", reminder.Content);
        Assert.All(seenBySecond, seen => Assert.Equal(seen.Value, offices.Official(Second, seen.Key).Messages.Count));
    }

    [Fact]
    public async Task A_signed_report_of_one_office_is_archived_in_that_offices_folder_and_verified_only_there()
    {
        var office = _offices.Office(Second);
        foreach (var official in office.Officials)
        {
            await _offices.RegisterAsync(Second, official.Id);
        }

        await _offices.OpenPeriodAsync(Second, "2026-TW3");
        var period = Period.Quarter(2026, 3);
        foreach (var unit in office.Units)
        {
            var head = _offices.Official(Second, unit.HeadId);
            await head.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
            await head.PressButtonAsync("Mulai isi");
            foreach (var indicator in office.IndicatorsFor(unit.Id, period))
            {
                await head.WaitForReplyAsync(m => m.Content.Contains($"{indicator.Code} {indicator.Name}"), BotHarness.Patience);
                await head.SendTextAsync(IndonesianFormat.Number(indicator.TargetFor(period)!.Value));
            }

            await head.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
            await head.PressButtonAsync("Kirim");
            var verifier = _offices.Official(Second, "kasubbag-pk");
            var check = await verifier.WaitForReplyAsync(m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.FindButton("Setujui") is not null, BotHarness.Patience);
            await verifier.PressButtonAsync(check.MessageId, check.FindButton("Setujui")!.CallbackData!);
            await head.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), BotHarness.Patience);
        }

        foreach (var (officialId, label) in new[] { ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"), ("camat", "Tandatangani") })
        {
            var user = _offices.Official(Second, officialId);
            var stage = await user.WaitForReplyAsync(m => m.FindButton(label) is not null, BotHarness.Patience);
            await user.PressButtonAsync(stage.MessageId, stage.FindButton(label)!.CallbackData!);
        }

        var signed = await _offices.Official(Second, "camat").WaitForReplyAsync(m => m.Document is not null && m.Content.Contains("ditandatangani"), BotHarness.Patience);
        var pdf = Path.Combine(_offices.DataDirectoryOf(Second), "reports", Second, period.Id, "rev-1", $"data-kinerja-{Second}-{period.Id}-rev1.pdf");
        Assert.True(File.Exists(pdf), $"the signed PDF is not at {pdf}");
        Assert.Equal(File.ReadAllBytes(pdf), _offices.ServerOf(Second).ReadFile(signed.Document!.FileId));
        Assert.False(Directory.Exists(Path.Combine(_offices.DataDirectoryOf(Sample), "reports")), "the other office's data folder got reports");

        // verify names the office whose archive it checks: the PDF is Sukamakmur's, not Sukamaju's.
        var (atSecond, secondOutput) = await VerifyAsync(pdf, Second);
        Assert.Equal(0, atSecond);
        Assert.Contains("VERIFIED", secondOutput);
        var (atSample, sampleOutput) = await VerifyAsync(pdf, Sample);
        Assert.Equal(KinerjaBotApp.NotVerified, atSample);
        Assert.Contains("NOT VERIFIED", sampleOutput);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private async Task<string> StatusAsync(string office, string waitFor = "Status Triwulan III 2026")
    {
        var operatorUser = _offices.Official(office, "staf-pk");
        await operatorUser.SendTextAsync("/status");
        var lastSeen = operatorUser.Messages.Max(m => m.MessageId);
        return (await operatorUser.WaitForReplyAsync(m => m.Content.Contains(waitFor) && m.MessageId >= lastSeen, BotHarness.Patience)).Content;
    }

    private async Task<string> RekapAsync(string office)
    {
        var operatorUser = _offices.Official(office, "staf-pk");
        await operatorUser.SendTextAsync("/rekap 2026-TW3");
        var draft = await operatorUser.WaitForReplyAsync(m => m.Document is not null && m.Content.Contains("drafnya"), BotHarness.Patience);
        return string.Join("\n", PdfText.Pages(_offices.ServerOf(office).ReadFile(draft.Document!.FileId)));
    }

    private async Task<(int Exit, string Output)> VerifyAsync(string pdf, string office)
    {
        var output = new StringWriter();
        var exit = await KinerjaBotApp.RunAsync(["verify", pdf, .. _offices.Settings(), $"--office={office}"], output, output);
        return (exit, output.ToString());
    }
}
