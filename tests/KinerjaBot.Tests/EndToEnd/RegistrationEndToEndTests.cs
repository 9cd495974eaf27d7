using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

public sealed class RegistrationEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_stranger_gets_one_polite_refusal_and_no_data()
    {
        var stranger = _bot.Server.AddUser(123_456, "Orang", "Lain", "6289999999999");

        await stranger.SendTextAsync("/start");
        var prompt = await stranger.WaitForReplyAsync(m => m.ReplyKeyboard is not null, BotHarness.Patience);
        await stranger.ShareContactAsync();
        var refusal = await stranger.WaitForReplyAsync(m => m.Content.Contains("tidak terdaftar"), BotHarness.Patience);
        await stranger.SendTextAsync("/status");
        var again = await stranger.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("bagikan nomor telepon", prompt.Content);
        Assert.Contains("Maaf", refusal.Content);
        Assert.DoesNotContain("Status", again.Content);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Chats.FindByChatAsync(123_456, default)));

        // Nor does a stranger's file land on the office's disk.
        await stranger.SendDocumentAsync(new byte[4096], "besar.bin", "application/octet-stream");
        await stranger.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.False(Directory.Exists(Path.Combine(_bot.DataDirectory, "evidence", "123456")));
    }

    [Fact]
    public async Task Sharing_someone_elses_contact_is_refused_and_binds_nothing()
    {
        var kasi = _bot.Official("kasi-pem");
        var camat = SampleOffice.Configuration.Official("camat");

        await kasi.SendTextAsync("/start");
        await kasi.WaitForReplyAsync(m => m.ReplyKeyboard is not null, BotHarness.Patience);
        await kasi.ShareContactAsync(camat.Phone, _bot.Official("camat").UserId);
        var refusal = await kasi.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("hanya nomor telepon Bapak/Ibu sendiri", refusal.Content);
        Assert.Null(await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("camat", default)));
        Assert.Null(await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pem", default)));
    }

    [Fact]
    public async Task Every_official_registers_and_is_greeted_with_their_role()
    {
        foreach (var official in SampleOffice.Configuration.Officials)
        {
            await _bot.RegisterAsync(official.Id);
        }

        var greeting = _bot.Official("kasubbag-pk").Messages.Last(m => m.Content.Contains("terdaftar sebagai"));
        Assert.Contains("Hendra Saputra", greeting.Content);
        Assert.Contains("validasi dan paraf laporan", greeting.Content);
        Assert.True(greeting.RemovesReplyKeyboard);

        // Names end in degrees ("S.E."); a sentence after them must not end in "..".
        Assert.All(SampleOffice.Configuration.Officials, o => Assert.DoesNotContain("..", _bot.Official(o.Id).Messages.Last(m => m.Content.Contains("terdaftar sebagai")).Content));
        var bindings = await _bot.ReadStoreAsync(t => t.Chats.AllAsync(default));
        Assert.Equal(SampleOffice.Configuration.Officials.Select(o => o.Id).Order(), bindings.Select(b => b.OfficialId).Order());
    }

    [Fact]
    public async Task Tentang_shows_the_licence_and_where_the_source_is()
    {
        await _bot.RegisterAsync("staf-pk");
        var staf = _bot.Official("staf-pk");

        await staf.SendTextAsync("/tentang");
        var about = await staf.WaitForReplyAsync(_ => true, BotHarness.Patience);

        Assert.Contains("lisensi MIT", about.Content);
        Assert.Contains("Kode sumber", about.Content, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(_bot.Server.MyCommands, c => c.Command == "isi");
    }

    [Fact]
    public async Task An_official_who_blocked_the_bot_is_marked_unreachable_and_the_operator_is_told()
    {
        await _bot.RegisterAsync("staf-pk");
        await _bot.RegisterAsync("kasi-pmd");
        _bot.Official("kasi-pmd").BlockBot();

        await _bot.Official("staf-pk").SendTextAsync("/buka 2026-TW3");

        var notice = await _bot.Official("staf-pk").WaitForReplyAsync(m => m.Content.Contains("diblokir"), BotHarness.Patience);
        Assert.Contains("Rudi Hartono", notice.Content);
        Assert.True((await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pmd", default)))!.Unreachable);

        // Writing again unblocks: the opening message held back meanwhile arrives after all.
        var kasi = _bot.Official("kasi-pmd");
        await kasi.SendTextAsync("/status");
        var held = await kasi.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        Assert.Contains("Triwulan III 2026", held.Content);
        Assert.False((await _bot.ReadStoreAsync(t => t.Chats.FindByOfficialAsync("kasi-pmd", default)))!.Unreachable);
    }
}
