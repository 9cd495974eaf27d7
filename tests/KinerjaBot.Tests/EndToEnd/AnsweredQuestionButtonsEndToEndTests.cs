using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using KinerjaBot.Workflow;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// A filling question answered by typing or by a file loses its buttons (Lewati, Nanti, Ya, benar / Ketik ulang) before the
/// next question comes, in one edit and no message more; a late press of such a button is answered stale and changes
/// nothing (decisions/0022).
/// </summary>
public sealed class AnsweredQuestionButtonsEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 6, 1, 0xFF, 0xD9];

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
    public async Task A_photo_sent_instead_of_lewati_takes_the_lewati_button_away_and_a_late_press_changes_nothing()
    {
        var asked = await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        var messagesBefore = BotMessages().Count;

        await KasiPem.SendPhotoAsync(Photo);
        var next = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);

        Assert.Contains("Bukti untuk IKU-1 sudah diterima", next.Content);
        Assert.Empty(Shown(asked.MessageId).InlineKeyboard);
        Assert.Equal(messagesBefore + 1, BotMessages().Count);
        Assert.Single(_bot.Server.RequestLog, r => r.Method == "editMessageReplyMarkup" && r.ChatId == KasiPem.ChatId && r.Parameter("message_id") == asked.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await KasiPem.PressButtonAsync(asked.MessageId, asked.FindButton("Lewati")!.CallbackData!);
        Assert.Contains("Tombol ini sudah tidak berlaku", await _bot.WaitForPressAnswerAsync(KasiPem, asked.MessageId));

        // IK-1.1 is still the open question, and IKU-1 keeps its photo.
        await KasiPem.SendTextAsync("3");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("bukti untuk IK-1.1 (wajib)"), BotHarness.Patience);
        Assert.NotNull((await ValuesAsync())["IKU-1"].EvidencePath);
    }

    [Fact]
    public async Task Typing_nanti_instead_of_pressing_it_takes_the_nanti_button_away_and_a_late_press_changes_nothing()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("3");
        var asked = await KasiPem.WaitForReplyAsync(m => m.FindButton("Nanti") is not null, BotHarness.Patience);

        await KasiPem.SendTextAsync("nanti saja");
        var next = await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.2 "), BotHarness.Patience);

        Assert.Contains("bukti IK-1.1 dapat dikirim nanti", next.Content);
        Assert.Empty(Shown(asked.MessageId).InlineKeyboard);

        await KasiPem.PressButtonAsync(asked.MessageId, asked.FindButton("Nanti")!.CallbackData!);
        Assert.Contains("Tombol ini sudah tidak berlaku", await _bot.WaitForPressAnswerAsync(KasiPem, asked.MessageId));

        // IK-1.2 is still the open question: the next number is its value, and IK-1.1's evidence is still owed.
        await KasiPem.SendTextAsync("2,5");
        var summary = await KasiPem.WaitForReplyAsync(m => m.FindButton("Kirim") is not null, BotHarness.Patience);
        Assert.Contains("Bukti wajib yang masih ditunggu: IK-1.1", summary.Content);
        Assert.Equal(2.5m, (await ValuesAsync())["IK-1.2"].Value);
    }

    [Fact]
    public async Task A_value_typed_instead_of_ya_benar_takes_the_confirmation_buttons_away_and_a_late_ya_benar_changes_nothing()
    {
        var asked = await ReachConfirmationAsync();

        await KasiPem.SendTextAsync("3");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Tercatat: IK-1.1 = 3 kegiatan"), BotHarness.Patience);

        Assert.Empty(Shown(asked.MessageId).InlineKeyboard);

        await KasiPem.PressButtonAsync(asked.MessageId, asked.FindButton("Ya, benar")!.CallbackData!);
        Assert.Contains("Tombol ini sudah tidak berlaku", await _bot.WaitForPressAnswerAsync(KasiPem, asked.MessageId));
        var stored = (await ValuesAsync())["IK-1.1"];
        Assert.Equal((3m, (string?)null), (stored.Value, stored.Note));
    }

    [Fact]
    public async Task A_second_implausible_value_takes_the_first_confirmation_buttons_away_and_keeps_its_own_live()
    {
        var older = await ReachConfirmationAsync();

        await KasiPem.SendTextAsync("10\nrapat tambahan dari kecamatan juga");
        var newer = await KasiPem.WaitForReplyAsync(m => m.FindButton("Ya, benar") is not null && m.Content.Contains("10 kegiatan"), BotHarness.Patience);

        Assert.Empty(Shown(older.MessageId).InlineKeyboard);
        Assert.NotNull(Shown(newer.MessageId).FindButton("Ketik ulang"));

        await KasiPem.PressButtonAsync(older.MessageId, older.FindButton("Ya, benar")!.CallbackData!);
        Assert.Contains("Tombol ini sudah tidak berlaku", await _bot.WaitForPressAnswerAsync(KasiPem, older.MessageId));
        Assert.False((await ValuesAsync()).ContainsKey("IK-1.1"));
    }

    /// <summary>IKU-1's evidence skipped, then IK-1.1 = 12 with its reason: the "Ya, benar" / "Ketik ulang" question.</summary>
    private async Task<ChatMessage> ReachConfirmationAsync()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Lewati");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("IK-1.1 "), BotHarness.Patience);
        await KasiPem.SendTextAsync("12\nada rapat tambahan dari kabupaten");
        return await KasiPem.WaitForReplyAsync(m => m.FindButton("Ya, benar") is not null, BotHarness.Patience);
    }

    /// <summary>The message as the chat shows it now (after any edit).</summary>
    private ChatMessage Shown(long messageId) => BotMessages().Single(m => m.MessageId == messageId);

    private List<ChatMessage> BotMessages() => [.. _bot.Server.Messages(KasiPem.ChatId).Where(m => m.Sender == ChatMessageSender.Bot)];

    private async Task<IReadOnlyDictionary<string, StoredValue>> ValuesAsync()
    {
        var instance = (await _bot.ReadStoreAsync(t => t.Workflows.FindAsync(WorkflowKind.UnitSubmission, Period.Id, "pemerintahan", default)))!;
        return await _bot.ReadStoreAsync(t => t.Values.CurrentAsync(instance.Id, default));
    }
}
