using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Sandbox.WhatsApp;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// The real host against the sandbox's own WhatsApp Cloud API double (src/KinerjaBot.Sandbox/WhatsApp), which signs
/// its webhooks, enforces the limits and reports a message outside the 24-hour window as a failed status, like Meta.
/// </summary>
public sealed class SandboxWhatsAppEndToEndTests : IAsyncLifetime
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 5, 6, 7, 8, 0xFF, 0xD9];
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;
    private string _listen = string.Empty;

    public async Task InitializeAsync()
    {
        _listen = $"http://127.0.0.1:{BotHarness.FreePort()}";
        _bot = await BotHarness.StartAsync(settings: server => Settings(server, _listen));
        await _bot.Server.WhatsApp.SubscribeAsync(new Uri($"{_listen}/whatsapp/webhook"));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Operator_head_and_both_verifiers_on_whatsapp_fill_return_fix_and_verify_a_unit()
    {
        var staf = await RegisterOnWhatsAppAsync("staf-pk");
        var kasi = await RegisterOnWhatsAppAsync("kasi-trantib");
        var kasubbag = await RegisterOnWhatsAppAsync("kasubbag-pk");
        var sekcam = await RegisterOnWhatsAppAsync("sekcam");

        await OpenFillReturnFixAndVerifyTrantibAsync(staf, kasi, kasubbag, sekcam);
    }

    [Fact]
    public async Task The_head_on_whatsapp_signs_the_report_the_others_validate_on_telegram_and_the_signed_pdf_reaches_him_on_whatsapp()
    {
        foreach (var official in SampleOffice.Configuration.Officials.Where(o => o.Id != "camat"))
        {
            await _bot.RegisterAsync(official.Id);
        }

        var camat = await RegisterOnWhatsAppAsync("camat");
        await _bot.Official("staf-pk").SendTextAsync($"/buka {Period.Id}");
        foreach (var unit in SampleOffice.Configuration.Units)
        {
            await OfficeScript.CompleteUnitAsync(_bot, Period, unit.Id, firstTime: true);
        }

        await OfficeScript.ApproveStagesAsync(_bot, ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"));
        await camat.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Tandatangani"), BotHarness.Patience);
        Assert.Contains("Sudah diparaf oleh Ratna Kusumawardani, S.IP.", string.Join("\n", camat.Messages.Select(m => m.Text)));
        await camat.PressReplyButtonAsync("Tandatangani");

        var signed = await camat.WaitForReplyAsync(m => m.DocumentFileName?.EndsWith(".pdf", StringComparison.Ordinal) == true && m.Text.Contains("telah ditandatangani"), BotHarness.Patience);
        var archived = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", Period.Id, "rev-1", $"data-kinerja-kec-sukamaju-{Period.Id}-rev1.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(archived), signed.ReadDocument());
    }

    [Fact]
    public async Task A_whole_period_with_every_official_on_whatsapp_with_a_wrong_value_a_photo_a_return_and_its_fix_ends_with_the_signed_pdf_in_the_heads_whatsapp()
    {
        var office = SampleOffice.Configuration;
        var users = new Dictionary<string, SimulatedWhatsAppUser>();
        foreach (var official in office.Officials)
        {
            users[official.Id] = await RegisterOnWhatsAppAsync(official.Id);
        }

        // One unit the long way (a wrong value, a photo, a return with its reason, the fix), the others straight through.
        await OpenFillReturnFixAndVerifyTrantibAsync(users["staf-pk"], users["kasi-trantib"], users["kasubbag-pk"], users["sekcam"]);
        foreach (var unit in office.Units.Where(u => u.Id != "trantib"))
        {
            var head = users[unit.HeadId];
            await head.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Mulai isi"), BotHarness.Patience);
            await head.PressReplyButtonAsync("Mulai isi");
            foreach (var indicator in office.IndicatorsFor(unit.Id, Period))
            {
                // WhatsApp shows the code in bold (*IKU-1*), so code and name are looked for apart.
                await head.WaitForReplyAsync(m => m.Text.Contains($"*{indicator.Code}*", StringComparison.Ordinal) && m.Text.Contains(indicator.Name, StringComparison.Ordinal), BotHarness.Patience);
                await head.SendTextAsync(IndonesianFormat.Number(indicator.TargetFor(Period)!.Value));
                if (indicator.Evidence == EvidenceRule.Required)
                {
                    await head.WaitForReplyAsync(m => m.Text.Contains("(wajib)"), BotHarness.Patience);
                    await head.SendImageAsync(Photo);
                }
                else if (indicator.Evidence == EvidenceRule.Optional)
                {
                    await head.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Lewati"), BotHarness.Patience);
                    await head.PressReplyButtonAsync("Lewati");
                }
            }

            await head.WaitForReplyAsync(m => m.Text.Contains("Ringkasan"), BotHarness.Patience);
            await Step(head, () => PressAsync(head, "Kirim"), m => m.Text.Contains("telah dikirim"));
            foreach (var verifierId in unit.VerifierIds)
            {
                var verifier = users[verifierId];
                await verifier.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Setujui"), BotHarness.Patience);
                await verifier.PressReplyButtonAsync("Setujui");
            }

            await head.WaitForReplyAsync(m => m.Text.Contains("telah terverifikasi"), BotHarness.Patience);
        }

        foreach (var (officialId, label) in new[] { ("kasubbag-pk", "Validasi"), ("sekcam", "Paraf"), ("camat", "Tandatangani") })
        {
            var stage = users[officialId];
            await stage.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title.Contains(label, StringComparison.Ordinal)) || m.ListRows.Any(r => r.Title.Contains(label, StringComparison.Ordinal)), BotHarness.Patience);
            await PressAsync(stage, label);
        }

        var camat = users["camat"];
        var signed = await camat.WaitForReplyAsync(m => m.DocumentFileName?.EndsWith(".pdf", StringComparison.Ordinal) == true && m.Text.Contains("telah ditandatangani"), BotHarness.Patience);
        var archived = Path.Combine(_bot.DataDirectory, "reports", "kec-sukamaju", Period.Id, "rev-1", $"data-kinerja-kec-sukamaju-{Period.Id}-rev1.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(archived), signed.ReadDocument());
        Assert.DoesNotContain(_bot.Server.WhatsApp.RequestLog, r => r.ErrorCode is 131009);
        Assert.All(office.Officials, o => Assert.Empty(_bot.Server.Messages(_bot.Official(o.Id).ChatId)));
    }

    [Fact]
    public async Task A_message_whatsapp_fails_later_for_the_closed_window_is_sent_again_after_the_official_opens_it_from_the_template()
    {
        // Only the double's window is short: the bot believes the window is open and learns otherwise from the failed status.
        await _bot.DisposeAsync();
        _bot = await BotHarness.StartAsync(settings: server => Settings(server, _listen), whatsApp: new WhatsAppDoubleOptions { CustomerServiceWindow = TimeSpan.FromSeconds(6) });
        await _bot.Server.WhatsApp.SubscribeAsync(new Uri($"{_listen}/whatsapp/webhook"));
        await _bot.RegisterAsync("staf-pk");
        var kasi = await RegisterOnWhatsAppAsync("kasi-trantib");
        await Task.Delay(TimeSpan.FromSeconds(7));

        await _bot.OpenPeriodAsync(Period.Id);

        var template = await kasi.WaitForReplyAsync(m => m.TemplateName is not null, BotHarness.Patience);
        Assert.Equal("pembukaan_periode", template.TemplateName);
        Assert.Equal("id", template.TemplateLanguage);
        Assert.Contains("Triwulan III 2026", Assert.Single(template.TemplateParameters));
        Assert.Contains(_bot.Server.WhatsApp.SentMessages, m => m.FailureCode == 131047);

        await Step(kasi, () => kasi.PressTemplateButtonAsync("buka"), m => m.Buttons.Any(b => b.Title == "Mulai isi"));
        await Step(kasi, () => kasi.PressReplyButtonAsync("Mulai isi"), m => m.Text.Contains("IKU-2"));
    }

    private static string[] Settings(LocalBotApiServer server, string listen) =>
    [
        $"--WhatsApp:AccessToken={server.WhatsApp.Options.AccessToken}",
        $"--WhatsApp:PhoneNumberId={server.WhatsApp.Options.PhoneNumberId}",
        $"--WhatsApp:AppSecret={server.WhatsApp.Options.AppSecret}",
        $"--WhatsApp:VerifyToken={server.WhatsApp.Options.VerifyToken}",
        $"--WhatsApp:ApiBaseUrl={server.BaseUrl}/whatsapp/v21.0",
        $"--WhatsApp:WebhookListen={listen}",
        "--WhatsApp:Sender:FirstBackoff=00:00:00.100",
    ];

    /// <summary>
    /// The operator opens TW3; the head of trantib answers one value wrongly, sends a photo, is returned with a reason and
    /// fixes; both verifiers approve. All four on WhatsApp.
    /// </summary>
    private async Task OpenFillReturnFixAndVerifyTrantibAsync(SimulatedWhatsAppUser staf, SimulatedWhatsAppUser kasi, SimulatedWhatsAppUser kasubbag, SimulatedWhatsAppUser sekcam)
    {
        await Step(staf, () => staf.SendTextAsync("/buka 2026-TW3"), m => m.Text.Contains("dibuka untuk"));
        await kasi.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Mulai isi"), BotHarness.Patience);
        await Step(kasi, () => kasi.PressReplyButtonAsync("Mulai isi"), m => m.Text.Contains("IKU-2"));

        // A wrong value is answered with what to do, and nothing is recorded.
        var complaint = await Step(kasi, () => kasi.SendTextAsync("tujuh puluh"), _ => true);
        Assert.Contains("angka", complaint.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tercatat", complaint.Text);

        await Step(kasi, () => kasi.SendTextAsync("72,5\nRazia PKL tiga kali"), m => m.Text.Contains("Tercatat"));
        await kasi.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Lewati"), BotHarness.Patience);
        await Step(kasi, () => kasi.PressReplyButtonAsync("Lewati"), m => m.Text.Contains("IK-2.1"));
        await Step(kasi, () => kasi.SendTextAsync("9"), m => m.Text.Contains("IK-2.2"));
        await Step(kasi, () => kasi.SendTextAsync("24"), m => m.Text.Contains("(wajib)"));
        await Step(kasi, () => kasi.SendImageAsync(Photo), m => m.Text.Contains("Ringkasan"));
        await Step(kasi, () => PressAsync(kasi, "Kirim"), m => m.Text.Contains("telah dikirim kepada Hendra Saputra"));

        // A long text goes as a message of its own, the buttons under the last part (WhatsApp: 1024 characters above buttons).
        await kasubbag.WaitForReplyAsync(m => m.Text.Contains("Verifikasi data Seksi Ketentraman"), BotHarness.Patience);
        await kasubbag.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Kembalikan"), BotHarness.Patience);
        var evidence = await kasubbag.WaitForReplyAsync(m => m.DocumentFileName is not null && m.Text.Contains("Bukti IK-2.2"), BotHarness.Patience);
        Assert.Equal(Photo, evidence.ReadDocument());
        await Step(kasubbag, () => kasubbag.PressReplyButtonAsync("Kembalikan"), m => m.Text.Contains("alasan"));
        await Step(kasubbag, () => kasubbag.SendTextAsync("Foto patroli kurang jelas, mohon nilai IKU-2 dicek lagi."), m => m.Text.Contains("dikembalikan kepada Siti Nurhaliza"));

        var returned = await kasi.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Perbaiki"), BotHarness.Patience);
        Assert.Contains("Foto patroli kurang jelas", returned.Text);
        await Step(kasi, () => kasi.PressReplyButtonAsync("Perbaiki"), m => m.Text.Contains("Revisi ke-2"));
        await Step(kasi, () => PressAsync(kasi, "Ubah IKU-2"), m => m.Text.Contains("Nilai tersimpan saat ini: 72,5 %"));
        await Step(kasi, () => kasi.SendTextAsync("75"), m => m.Text.Contains("Tercatat"));
        await kasi.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Lewati"), BotHarness.Patience);
        await Step(kasi, () => kasi.PressReplyButtonAsync("Lewati"), m => m.Text.Contains("Ringkasan"));
        await Step(kasi, () => PressAsync(kasi, "Kirim"), m => m.Text.Contains("telah dikirim"));

        await kasubbag.WaitForReplyAsync(m => m.Text.Contains("Diubah dari: 72,5 %"), BotHarness.Patience);
        await kasubbag.PressReplyButtonAsync("Setujui");
        await sekcam.WaitForReplyAsync(m => m.Text.Contains("verifikator ke-2 dari 2"), BotHarness.Patience);
        await sekcam.WaitForReplyAsync(m => m.Buttons.Any(b => b.Title == "Setujui"), BotHarness.Patience);
        await sekcam.PressReplyButtonAsync("Setujui");
        await kasi.WaitForReplyAsync(m => m.Text.Contains("telah terverifikasi"), BotHarness.Patience);

        var instance = await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "trantib", default));
        Assert.Equal(UnitSubmissionWorkflow.Verified, instance!.State);
        Assert.DoesNotContain(_bot.Server.WhatsApp.RequestLog, r => r.ErrorCode is 131009);
    }

    private async Task<SimulatedWhatsAppUser> RegisterOnWhatsAppAsync(string officialId)
    {
        var official = SampleOffice.Configuration.Official(officialId);
        var user = _bot.Server.WhatsApp.AddUser(official.Phone, official.Name.Split(',')[0]);
        await Step(user, () => user.SendTextAsync("Selamat pagi"), m => m.Text.Contains("terdaftar sebagai"));
        return user;
    }

    /// <summary>A reply button when the step shows at most three choices, a list row when it shows more.</summary>
    private static Task<string> PressAsync(SimulatedWhatsAppUser user, string title) =>
        user.LastBotMessage?.ListRows.Any(r => r.Title.Contains(title, StringComparison.Ordinal)) == true
        || user.Messages.LastOrDefault(m => m.Buttons.Any(b => b.Title.Contains(title, StringComparison.Ordinal)) || m.ListRows.Any(r => r.Title.Contains(title, StringComparison.Ordinal)))?.ListRows.Count > 0
            ? user.ChooseListRowAsync(title)
            : user.PressReplyButtonAsync(title);

    private static async Task<WhatsAppChatMessage> Step(SimulatedWhatsAppUser user, Func<Task> act, Func<WhatsAppChatMessage, bool> expected)
    {
        var seen = user.Messages.Select(m => m.Version).DefaultIfEmpty(0).Max();
        await act();
        return await user.WaitForReplyAsync(m => m.Version > seen && m.Sender == WhatsAppChatSender.Bot && expected(m), BotHarness.Patience);
    }
}
