using System.Diagnostics;
using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Hosting;

/// <summary>
/// <c>demo</c>: plays one whole period of the configured office through the local sandbox — the real bot, over
/// real HTTP — with scripted officials, printing one transcript line per step and the final PDF's path.
/// </summary>
public sealed class DemoRunner(OfficeConfiguration office, TextWriter output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    // A 1×1 PNG: the sandbox stores it like any photo an official would send as evidence.
    private static readonly byte[] EvidencePhoto = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private SandboxRunner _sandbox = null!;

    /// <summary>Runs the demo with the bot's data in <paramref name="dataDirectory"/>; returns the final PDF's path.</summary>
    public async Task<string> RunAsync(string configDirectory, string dataDirectory, Period period, CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxRunner.StartAsync(
            [
                $"--KinerjaBot:ConfigDirectory={configDirectory}",
                $"--KinerjaBot:DataDirectory={dataDirectory}",
                "--Sandbox:Port=0",

                // A scripted replay waits for every reply; Telegram's 1 message/s per chat would make it crawl.
                "--Telegram:Sender:PerChatInterval=00:00:00.010",
            ],
            builder => builder.Logging.ClearProviders(),
            cancellationToken);
        _sandbox = sandbox;
        await sandbox.Server.WaitForLongPollAsync(Patience, cancellationToken);
        await Line($"Sandbox {sandbox.PageUrl}, data in {sandbox.DataDirectory}");
        return await PlayAsync(period, sandbox.DataDirectory);
    }

    private async Task<string> PlayAsync(Period period, string dataDirectory)
    {
        foreach (var official in office.Officials)
        {
            var user = User(official.Id);
            await user.SendTextAsync("/start");
            await user.WaitForReplyAsync(m => m.ReplyKeyboard is not null, Patience);
            await user.ShareContactAsync();
            var greeting = await user.WaitForReplyAsync(m => m.Content.Contains("terdaftar sebagai"), Patience);
            await Line($"{official.Name} membagikan nomor → {FirstLine(greeting, 1)}");
        }

        var operatorId = office.Roles.OperatorIds[0];
        await Say(operatorId, $"/buka {period.Id}", m => m.Content.Contains("dibuka"));

        var units = office.UnitsReporting(period);
        var returnedUnit = units.FirstOrDefault(u => u.VerifierIds.Count > 1) ?? units[0];
        for (var index = 0; index < units.Count; index++)
        {
            await FillAsync(units[index], period, showMistakes: index == 0);
        }

        foreach (var unit in units)
        {
            await VerifyAsync(unit, returnFirst: unit == returnedUnit);
        }

        await ChainAsync();
        var head = User(office.Roles.HeadId);
        var signed = await head.WaitForReplyAsync(m => m.Document is not null && m.Content.Contains("telah ditandatangani"), Patience);
        await Line($"{office.Official(office.Roles.HeadId).Name} menerima {signed.Document!.FileName}");
        var folder = Path.Combine(Path.GetFullPath(dataDirectory), "reports", office.Office.Id, period.Id);
        return Directory.GetFiles(folder, signed.Document.FileName ?? "*.pdf", SearchOption.AllDirectories).Single();
    }

    private async Task FillAsync(Unit unit, Period period, bool showMistakes)
    {
        var head = unit.HeadId;
        await Press(head, "Mulai isi", m => m.Content.Contains("Indikator 1 dari"));
        var indicators = office.IndicatorsFor(unit.Id, period);
        foreach (var indicator in indicators)
        {
            if (showMistakes && indicator == indicators[0])
            {
                await Say(head, "tujuh puluh", _ => true);
            }

            await Say(head, IndonesianFormat.Number(DemoValue(indicator, period)), m => m.Content.Contains("Tercatat"));
            await ProvideEvidenceAsync(head, indicator);
        }

        if (showMistakes)
        {
            var changed = indicators[0];
            await Press(head, $"Ubah {changed.Code}", m => m.Content.Contains("Nilai tersimpan"));
            await Say(head, IndonesianFormat.Number(DemoValue(changed, period) - (changed.Kind == IndicatorKind.Percent ? 1 : 0)), m => m.Content.Contains("Tercatat"));
            await ProvideEvidenceAsync(head, changed);
        }

        await Press(head, "Kirim", m => m.Content.Contains("telah dikirim"));
    }

    private async Task ProvideEvidenceAsync(string officialId, Indicator indicator)
    {
        if (indicator.Evidence == EvidenceRule.Required)
        {
            var user = User(officialId);
            await user.WaitForReplyAsync(m => m.Content.Contains("(wajib)"), Patience);
            await user.SendPhotoAsync(EvidencePhoto);
            var reply = await user.WaitForReplyAsync(m => m.Content.Contains("Bukti"), Patience);
            await Line($"{office.Official(officialId).Name} kirim foto bukti {indicator.Code} → {FirstLine(reply)}");
        }
        else if (indicator.Evidence == EvidenceRule.Optional)
        {
            await Press(officialId, "Lewati", m => m.EditCount == 0);
        }
    }

    private async Task VerifyAsync(Unit unit, bool returnFirst)
    {
        var head = User(unit.HeadId);
        for (var position = 0; position < unit.VerifierIds.Count; position++)
        {
            var verifierId = unit.VerifierIds[position];
            var message = await _sandbox.Server.WaitForBotMessageAsync(User(verifierId).ChatId, m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.FindButton("Setujui") is not null, Patience);
            if (returnFirst && position == 0)
            {
                returnFirst = false;
                await PressOn(verifierId, message, "Kembalikan", m => m.Content.Contains("alasan"));
                await Say(verifierId, "Mohon lampirkan bukti yang lebih jelas dan periksa kembali angkanya.", m => m.Content.Contains("dikembalikan"));
                await Press(unit.HeadId, "Perbaiki", m => m.Content.Contains("Ringkasan"));
                await Press(unit.HeadId, "Kirim", m => m.Content.Contains("telah dikirim"));
                message = await _sandbox.Server.WaitForBotMessageAsync(User(verifierId).ChatId, m => m.Content.Contains($"Verifikasi data {unit.Name}") && m.Content.Contains("Revisi ke-2") && m.FindButton("Setujui") is not null, Patience);
            }

            await PressOn(verifierId, message, "Setujui", m => m.Content.Contains("disetujui") || m.Content.Contains("terverifikasi"));
        }

        await head.WaitForReplyAsync(m => m.Content.Contains("telah terverifikasi"), Patience);
    }

    private async Task ChainAsync()
    {
        foreach (var stage in office.Chain)
        {
            var label = Workflow.OfficeReportWorkflow.ApproveLabel(stage.Kind);
            var message = await _sandbox.Server.WaitForBotMessageAsync(User(stage.OfficialId).ChatId, m => m.FindButton(label) is not null && m.Document is not null, Patience);
            await PressOn(stage.OfficialId, message, label, m => m.EditCount == 0 && m.Content.Contains("Terima kasih"));
        }
    }

    /// <summary>A value near the target, on the good side for most indicators, so the report looks realistic.</summary>
    private static decimal DemoValue(Indicator indicator, Period period)
    {
        var target = indicator.TargetFor(period) ?? 0;
        var value = indicator.Polarity == Polarity.Higher ? target * 1.05m : target * 0.9m;
        value = indicator.Kind switch
        {
            IndicatorKind.Percent => Math.Min(100, Math.Round(value, 1)),
            IndicatorKind.Integer => Math.Round(value, MidpointRounding.AwayFromZero),
            _ => Math.Round(value, 2),
        };
        return value;
    }

    private async Task Say(string officialId, string text, Func<ChatMessage, bool> reply)
    {
        var user = User(officialId);
        await user.SendTextAsync(text);
        var answer = await user.WaitForReplyAsync(reply, Patience);
        await Line($"{office.Official(officialId).Name}: \"{text}\" → {FirstLine(answer)}");
    }

    private async Task Press(string officialId, string label, Func<ChatMessage, bool> reply)
    {
        var user = User(officialId);

        // The button may come in a message just behind the one that answered the last step.
        await user.WaitForReplyAsync(m => m.FindButton(label) is not null, Patience);
        await user.PressButtonAsync(label);
        var answer = await user.WaitForReplyAsync(reply, Patience);
        await Line($"{office.Official(officialId).Name} [{label}] → {FirstLine(answer)}");
    }

    private async Task PressOn(string officialId, ChatMessage message, string label, Func<ChatMessage, bool> reply)
    {
        var user = User(officialId);
        await user.PressButtonAsync(message.MessageId, message.FindButton(label)!.CallbackData!);
        var answer = await user.WaitForReplyAsync(reply, Patience);
        await Line($"{office.Official(officialId).Name} [{label}] → {FirstLine(answer)}");
    }

    private SimulatedUser User(string officialId) => _sandbox.Official(officialId);

    private static string FirstLine(ChatMessage message, int line = 0)
    {
        var lines = message.Content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var text = lines.Length > line ? lines[line] : lines.FirstOrDefault() ?? string.Empty;
        return text.Length > 110 ? text[..107] + "…" : text;
    }

    private Task Line(string text) => output.WriteLineAsync($"[{_clock.Elapsed:mm\\:ss\\.f}] {text}");
}
