using KinerjaBot.WhatsApp;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.WhatsAppChannel;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// Outside WhatsApp's customer-service window only a template is delivered: the opening prompt goes as the configured
/// opening template, and its quick-reply button brings the held prompt. The window is shortened to seconds here (the
/// double enforces the same window), so the test waits it out instead of waiting 24 hours.
/// </summary>
public sealed class CustomerServiceWindowEndToEndTests : IAsyncLifetime
{
    private const string Kasi = "6281200000107";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(6);

    private FakeGraphServer _graph = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync(Window);
        _bot = await _graph.StartBotAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task An_opening_prompt_outside_the_window_goes_as_the_opening_template_and_its_button_brings_the_prompt()
    {
        await _graph.GreetAsync(Kasi);
        await Task.Delay(Window + TimeSpan.FromSeconds(1));

        await _bot.OpenPeriodAsync("2026-TW3");
        var template = await _graph.WaitForAsync(Kasi, m => (string?)m["type"] == "template");
        Assert.Equal("pembukaan_periode", (string?)template["template"]!["name"]);
        Assert.Equal("id", (string?)template["template"]!["language"]!["code"]);
        Assert.Contains("Triwulan III 2026", template.ToJsonString());
        Assert.DoesNotContain(_graph.Refusals, r => r.Code == 131047);
        var beforePress = _graph.SentTo(Kasi).Count;

        await _graph.PressTemplateButtonAsync(Kasi, WhatsAppOutboxChannel.OpenConversationPayload);

        var prompt = await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Mulai isi"), beforePress);
        Assert.Contains("Triwulan III 2026", FakeGraphServer.TextOf(prompt));
        Assert.Single(_graph.SentTo(Kasi), m => (string?)m["type"] == "template");
    }
}
