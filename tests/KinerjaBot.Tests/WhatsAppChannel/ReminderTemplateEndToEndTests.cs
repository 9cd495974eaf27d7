using KinerjaBot.Reminders;
using KinerjaBot.Tests.EndToEnd;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>
/// A reminder to an official on WhatsApp who has not written for more than 24 hours cannot go as a normal message:
/// it goes as the configured reminder template. Simulated time: Monday 14 December 2026, fill deadline Thursday 17.
/// </summary>
public sealed class ReminderTemplateEndToEndTests : IAsyncLifetime
{
    private const string Kasi = "6281200000107";
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private readonly JumpingClock _clock = new(new DateTimeOffset(2026, 12, 14, 8, 0, 0, Wib));
    private FakeGraphServer _graph = null!;
    private BotHarness _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Clock = _clock;
        _bot = await _graph.StartBotAsync(_clock);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_after_two_silent_days_goes_as_the_reminder_template()
    {
        await _graph.GreetAsync(Kasi);
        _clock.JumpTo(new DateTimeOffset(2026, 12, 14, 9, 0, 0, Wib));
        await _bot.OpenPeriodAsync("2026-TW4");
        await _graph.WaitForAsync(Kasi, m => FakeGraphServer.ButtonsOf(m).Any(b => b.Title == "Mulai isi"));
        var before = _graph.SentTo(Kasi).Count;

        // Wednesday 07.00, the day before the deadline: the head has not written since Monday morning.
        _clock.JumpTo(new DateTimeOffset(2026, 12, 16, 7, 0, 0, Wib));
        await _bot.Services.GetRequiredService<ReminderScheduler>().TickAsync(default);

        var template = await _graph.WaitForAsync(Kasi, m => (string?)m["type"] == "template", before);
        Assert.Equal("pengingat_kinerja", (string?)template["template"]!["name"]);
        Assert.Equal("id", (string?)template["template"]!["language"]!["code"]);
        Assert.DoesNotContain(_graph.SentTo(Kasi).Skip(before), m => (string?)m["type"] != "template");

        // Sent as a template because the bot knew the window had closed, not after WhatsApp refused a normal message.
        Assert.DoesNotContain(_graph.Refusals, r => r.Code == 131047);
    }
}
