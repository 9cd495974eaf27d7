using KinerjaBot.Domain;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>Officials are addressed by the salutation office.yaml gives them, not "Bapak/Ibu" for everyone.</summary>
public sealed class SalutationEndToEndTests : IAsyncLifetime
{
    private BotHarness _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHarness.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Registration_and_the_period_opening_address_an_ibu_as_ibu_and_a_bapak_as_bapak()
    {
        foreach (var id in new[] { "staf-pk", "kasi-trantib", "kasi-pem" })
        {
            await _bot.RegisterAsync(id);
        }

        var siti = _bot.Official("kasi-trantib");
        var agus = _bot.Official("kasi-pem");
        Assert.Contains(siti.Messages, m => m.Content.StartsWith("Terima kasih, Ibu Siti Nurhaliza, S.STP.", StringComparison.Ordinal));
        Assert.Contains(agus.Messages, m => m.Content.StartsWith("Terima kasih, Bapak Agus Firmansyah, S.H.", StringComparison.Ordinal));

        await _bot.OpenPeriodAsync(Period.Quarter(2026, 3).Id);
        var sitiOpening = await siti.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        var agusOpening = await agus.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        Assert.StartsWith("Yth. Ibu Siti Nurhaliza, S.STP.,", sitiOpening.Content);
        Assert.StartsWith("Yth. Bapak Agus Firmansyah, S.H.,", agusOpening.Content);
        Assert.DoesNotContain("Bapak/Ibu Siti", string.Concat(siti.Messages.Select(m => m.Content)));
    }
}
