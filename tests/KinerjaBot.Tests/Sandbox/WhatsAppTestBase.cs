using KinerjaBot.Sandbox;
using KinerjaBot.Sandbox.WhatsApp;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Sandbox;

/// <summary>A fresh sandbox per test with its WhatsApp double, the bot's Graph client, and one official on WhatsApp.</summary>
public abstract class WhatsAppTestBase : IAsyncLifetime
{
    protected const string AniWaId = "6281234567890";
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    protected static readonly DateTimeOffset Morning = new(2026, 10, 5, 1, 30, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Morning);

    protected LocalBotApiServer Server { get; private set; } = null!;

    protected WhatsAppDouble WhatsApp => Server.WhatsApp;

    protected RawGraphApi Graph { get; private set; } = null!;

    protected SimulatedWhatsAppUser Ani { get; private set; } = null!;

    protected virtual WhatsAppDoubleOptions DoubleOptions => new();

    public virtual async Task InitializeAsync()
    {
        Server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions { TimeProvider = Clock, WhatsApp = DoubleOptions });
        Graph = new RawGraphApi(Server);
        Ani = WhatsApp.AddUser(AniWaId, "Ani Lestari");
    }

    public virtual async Task DisposeAsync()
    {
        Graph.Dispose();
        await Server.DisposeAsync();
    }

    protected static object Text(string body, string to = AniWaId) =>
        new { messaging_product = "whatsapp", to, type = "text", text = new { body } };

    protected static object Buttons(string body, params (string Id, string Title)[] buttons) => new
    {
        messaging_product = "whatsapp",
        to = AniWaId,
        type = "interactive",
        interactive = new
        {
            type = "button",
            body = new { text = body },
            action = new { buttons = buttons.Select(b => new { type = "reply", reply = new { id = b.Id, title = b.Title } }).ToArray() },
        },
    };

    protected static object List(string body, string button, params (string Title, (string Id, string Title, string? Description)[] Rows)[] sections) => new
    {
        messaging_product = "whatsapp",
        to = AniWaId,
        type = "interactive",
        interactive = new
        {
            type = "list",
            body = new { text = body },
            action = new
            {
                button,
                sections = sections.Select(s => new
                {
                    title = s.Title,
                    rows = s.Rows.Select(r => new { id = r.Id, title = r.Title, description = r.Description }).ToArray(),
                }).ToArray(),
            },
        },
    };

    protected static object Template(string name, string payload, params string[] parameters) => new
    {
        messaging_product = "whatsapp",
        to = AniWaId,
        type = "template",
        template = new
        {
            name,
            language = new { code = "id" },
            components = new object[]
            {
                new { type = "body", parameters = parameters.Select(p => new { type = "text", text = p }).ToArray() },
                new { type = "button", sub_type = "quick_reply", index = "0", parameters = new[] { new { type = "payload", payload } } },
            },
        },
    };
}
