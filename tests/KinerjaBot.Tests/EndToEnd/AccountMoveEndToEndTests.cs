using KinerjaBot.Actions;
using KinerjaBot.Conversations;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

public sealed class AccountMoveEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;
    private SimulatedUser _oldAccount = null!;
    private SimulatedUser _newAccount = null!;
    private SimulatedUser _operator = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        await _bot.RegisterAsync("staf-pk");
        await _bot.RegisterAsync("kasi-pem");
        _operator = _bot.Official("staf-pk");
        _oldAccount = _bot.Official("kasi-pem");

        // The number was recycled: someone else's Telegram account now shares it as their own.
        _newAccount = _bot.Server.AddUser(555_000_111, "Pemilik", "Baru", SampleOffice.Configuration.Official("kasi-pem").Phone);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_take_over_waits_for_the_operator_and_both_chats_are_told()
    {
        var request = await AttemptTakeOverAsync();

        Assert.Contains(SampleOffice.Configuration.Official("kasi-pem").Name, request.Content);
        var warning = await _oldAccount.WaitForReplyAsync(m => m.Content.Contains("Pemberitahuan"), BotHarness.Patience);
        Assert.Contains("mohon segera hubungi operator", warning.Content);
        Assert.Equal(_oldAccount.ChatId, (await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pem", default)))!.ChatId);

        // Still waiting: writing again only repeats the polite wait.
        await _newAccount.SendTextAsync("/status");
        var again = await _newAccount.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("Operator akan mengonfirmasi", again.Content);
    }

    [Fact]
    public async Task After_the_operator_allows_it_the_new_account_is_bound_and_the_old_one_is_not()
    {
        var request = await AttemptTakeOverAsync();

        await _operator.PressButtonAsync(request.MessageId, request.FindButton(RegistrationFlow.AllowMove)!.CallbackData!);
        var greeting = await _newAccount.WaitForReplyAsync(m => m.Content.Contains("terdaftar sebagai"), BotHarness.Patience);
        await _oldAccount.WaitForReplyAsync(m => m.Content.Contains("telah dipindahkan"), BotHarness.Patience);

        Assert.Contains("Kepala Seksi", greeting.Content, StringComparison.OrdinalIgnoreCase);
        var binding = await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pem", default));
        Assert.Equal(_newAccount.ChatId, binding!.ChatId);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Chats.FindByChatAsync(_oldAccount.ChatId, default)));
        Assert.Equal("Pemindahan diizinkan.", _bot.Server.CallbackAnswers.Last().Text);

        // The old account is a stranger now: it is asked to register, not served.
        await _oldAccount.SendTextAsync("/status");
        var prompt = await _oldAccount.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("bagikan nomor telepon", prompt.Content);
    }

    [Fact]
    public async Task A_refusal_leaves_the_old_binding_and_tells_the_new_account()
    {
        var request = await AttemptTakeOverAsync();

        await _operator.PressButtonAsync(request.MessageId, request.FindButton(RegistrationFlow.RefuseMove)!.CallbackData!);
        var refusal = await _newAccount.WaitForReplyAsync(m => m.Content.Contains("tidak menyetujui"), BotHarness.Patience);
        await _oldAccount.WaitForReplyAsync(m => m.Content.Contains("ditolak"), BotHarness.Patience);

        Assert.Contains("Maaf", refusal.Content);
        Assert.Equal(_oldAccount.ChatId, (await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pem", default)))!.ChatId);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Chats.FindByChatAsync(_newAccount.ChatId, default)));
    }

    [Fact]
    public async Task Only_an_operator_can_allow_a_take_over()
    {
        var request = await AttemptTakeOverAsync();

        // A forged press from the official being taken over, on a message of their own chat.
        await _oldAccount.PressButtonAsync(_oldAccount.LastBotMessage!.MessageId, request.FindButton(RegistrationFlow.AllowMove)!.CallbackData!);
        await WaitForAnswersAsync(1);

        Assert.Equal(BotTexts.NotYourButton, _bot.Server.CallbackAnswers.Single().Text);
        Assert.Equal(_oldAccount.ChatId, (await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pem", default)))!.ChatId);
    }

    private async Task<ChatMessage> AttemptTakeOverAsync()
    {
        await _newAccount.SendTextAsync("/start");
        await _newAccount.WaitForReplyAsync(m => m.ReplyKeyboard is not null, BotHarness.Patience);
        await _newAccount.ShareContactAsync();
        var wait = await _newAccount.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("Nomor ini sudah terdaftar pada akun Telegram lain. Operator akan mengonfirmasi", wait.Content);
        return await _operator.WaitForReplyAsync(m => m.FindButton(RegistrationFlow.AllowMove) is not null, BotHarness.Patience);
    }

    private async Task WaitForAnswersAsync(int count)
    {
        var giveUp = DateTime.UtcNow + BotHarness.Patience;
        while (_bot.Server.CallbackAnswers.Count < count)
        {
            Assert.True(DateTime.UtcNow < giveUp, "the press was not answered in time");
            await Task.Delay(20);
        }
    }
}
