using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>A fresh sandbox server on a random port per test, with one official who has already said hello.</summary>
public abstract class SandboxTestBase : IAsyncLifetime
{
    protected const long AniId = 5_000_000_001;
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    protected static readonly DateTimeOffset Morning = new(2026, 10, 5, 1, 30, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Morning);

    protected LocalBotApiServer Server { get; private set; } = null!;

    protected RawBotApi Api { get; private set; } = null!;

    protected SimulatedUser Ani { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions
        {
            Token = "7000000001:test-token",
            BotUsername = "KinerjaTestBot",
            BotFirstName = "Kinerja",
            TimeProvider = Clock,
        });
        Api = new RawBotApi(Server);
        Ani = Server.AddUser(AniId, "Ani", "Lestari", "6281234567890");
    }

    public virtual async Task DisposeAsync()
    {
        Api.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>The user writes once and the bot confirms it, so the bot may write to them (Telegram's rule).</summary>
    protected async Task StartChatAsync(SimulatedUser user)
    {
        var updateId = await user.SendTextAsync("/start");
        await Api.GetUpdatesAsync(offset: updateId + 1);
    }

    protected async Task<long> SendAsync(object parameters) =>
        (await Api.ResultAsync("sendMessage", parameters))["message_id"]!.GetValue<long>();

    protected static object Keyboard(params (string Text, string Data)[] buttons) => new
    {
        inline_keyboard = new[] { buttons.Select(b => new { text = b.Text, callback_data = b.Data }).ToArray() },
    };
}
