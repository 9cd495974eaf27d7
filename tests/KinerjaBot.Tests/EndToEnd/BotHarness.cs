using KinerjaBot.Hosting;
using KinerjaBot.Sandbox;
using KinerjaBot.Sandbox.WhatsApp;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// The whole bot over real HTTP: the local Bot API server plays Telegram and the sample office's officials,
/// and a real KinerjaBot host (same wiring as <c>dotnet run</c>) polls it with a real SQLite file.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Set to <c>webhook</c> to run every end-to-end test with Telegram pushing updates to the bot's webhook instead of
    /// the bot polling (scripts/test.sh runs the end-to-end tests both ways).
    /// </summary>
    public const string ModeVariable = "KINERJABOT_TEST_TELEGRAM_MODE";

    private readonly TempDirectory _data = new();

    // With KINERJABOT_TEST_STORAGE=postgres every harness gets a database of its own on the test server.
    private readonly PostgresTestDatabase? _postgres;
    private readonly TimeProvider? _clock;
    private readonly DelegatingHandler? _wire;
    private readonly string _configDirectory;
    private readonly string[] _extraSettings;
    private readonly List<string> _listens = [];
    private readonly IHost?[] _extraInstances;
    private WebhookBalancer? _balancer;
    private IHost? _host;

    private BotHarness(
        LocalBotApiServer server, TimeProvider? clock, DelegatingHandler? wire, bool webhook, string? configDirectory, bool postgres, int instances, string[]? settings = null)
    {
        _extraSettings = settings ?? [];
        Server = server;
        _clock = clock;
        _wire = wire;
        _configDirectory = configDirectory ?? RepositoryPaths.SampleConfig;
        _postgres = postgres ? new PostgresTestDatabase() : null;
        _extraInstances = new IHost?[instances - 1];
        if (webhook)
        {
            // Fixed for the harness's life: a restarted bot is found at the address Telegram already has. With several
            // instances Telegram posts to a balancer in front of them, each instance listening on its own port.
            _listens.AddRange(Enumerable.Range(0, instances).Select(_ => $"http://127.0.0.1:{FreePort()}"));
            WebhookListen = _listens[0];
            var front = instances == 1 ? WebhookListen : $"http://127.0.0.1:{FreePort()}";
            WebhookUrl = new Uri($"{front}/telegram/{Guid.NewGuid():N}");
            WebhookSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        }
    }

    /// <summary>With several instances: how many webhook requests each one answered.</summary>
    public IReadOnlyList<int> AnsweredByInstance => _balancer?.Answered ?? [];

    /// <summary>The bot's webhook address in webhook mode; null when it polls.</summary>
    public Uri? WebhookUrl { get; }

    public string? WebhookListen { get; }

    public string? WebhookSecret { get; }

    /// <summary>What the bot logged (Information and above), for tests of what an administrator reads.</summary>
    public CollectingLoggerProvider Log { get; } = new();

    public LocalBotApiServer Server { get; }

    public string DataDirectory => _data.Path;

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    /// <summary>
    /// Starts the server with every official of the sample office as a Telegram user, and the bot. With a
    /// <paramref name="clock"/>, every host this harness starts tells time by it (the system clock otherwise).
    /// With a <paramref name="wire"/>, the bot's HTTP requests pass through it on their way to the server (a
    /// bot that is started once only: the handler goes with the bot's HTTP client). With a
    /// <paramref name="configDirectory"/>, the bot reads that office (same officials as the sample) instead of config/.
    /// </summary>
    /// With <paramref name="webhook"/> (by default: <see cref="ModeVariable"/> says so) the bot runs in webhook mode.
    /// With <paramref name="postgres"/> (by default: <see cref="PostgresTestDatabase.StorageVariable"/> says so) the bot keeps its
    /// data in a PostgreSQL database of its own. <paramref name="instances"/> above 1 (webhook mode on PostgreSQL) starts that
    /// many bot processes on the one database, with a round-robin balancer in front of their webhooks.
    /// With <paramref name="settings"/>, more command-line settings (e.g. the WhatsApp channel's), made once the server runs.
    /// With <paramref name="whatsApp"/>, the sandbox's WhatsApp double starts with those options.
    public static async Task<BotHarness> StartAsync(
        TimeProvider? clock = null,
        DelegatingHandler? wire = null,
        bool? webhook = null,
        string? configDirectory = null,
        bool? postgres = null,
        int instances = 1,
        Func<LocalBotApiServer, string[]>? settings = null,
        WhatsAppDoubleOptions? whatsApp = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        var options = new LocalBotApiServerOptions { RequireUserToStartChat = true };
        var server = await LocalBotApiServer.StartAsync(whatsApp is null ? options : options with { WhatsApp = whatsApp });
        var harness = new BotHarness(
            server,
            clock,
            wire,
            instances > 1 || (webhook ?? string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "webhook", StringComparison.OrdinalIgnoreCase)),
            configDirectory,
            instances > 1 || (postgres ?? PostgresTestDatabase.Requested),
            instances,
            settings?.Invoke(server));
        if (instances > 1)
        {
            harness._balancer = await WebhookBalancer.StartAsync(harness.WebhookUrl!.Port, [.. harness._listens.Select(l => new Uri(l))]);
        }

        foreach (var (official, index) in SampleOffice.Configuration.Officials.Select((o, i) => (o, i)))
        {
            server.AddUser(UserIdOf(index), official.Name.Split(',')[0], null, official.Phone);
        }

        await harness.StartBotAsync();
        return harness;
    }

    public static long UserIdOf(int officialIndex) => 700_000_000 + officialIndex;

    public static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The simulated Telegram user of an official of the sample office.</summary>
    public SimulatedUser Official(string officialId)
    {
        var index = SampleOffice.Configuration.Officials.Select(o => o.Id).ToList().IndexOf(officialId);
        return Server.GetUser(UserIdOf(index));
    }

    public async Task StartBotAsync()
    {
        _host = await StartInstanceAsync(0);
        for (var i = 0; i < _extraInstances.Length; i++)
        {
            _extraInstances[i] = await StartInstanceAsync(i + 1);
        }
    }

    /// <summary>Stops one of several instances (0 is the first), as a crash of that process would look to the others.</summary>
    public async Task StopInstanceAsync(int index)
    {
        var host = index == 0 ? _host : _extraInstances[index - 1];
        if (host is not null)
        {
            // No grace: a crashed process does not finish what it was sending.
            using var now = new CancellationTokenSource();
            await now.CancelAsync();
            await host.StopAsync(now.Token);
            host.Dispose();
        }

        if (index == 0)
        {
            _host = null;
        }
        else
        {
            _extraInstances[index - 1] = null;
        }
    }

    private async Task<IHost> StartInstanceAsync(int index)
    {
        string[] settings =
        [
            $"--KinerjaBot:ConfigDirectory={_configDirectory}",
            $"--KinerjaBot:DataDirectory={_data.Path}",
            $"--Telegram:BotToken={Server.Token}",
            $"--Telegram:ApiBaseUrl={Server.BaseUrl}",

            // Keep the per-chat spacing short so the suite stays fast; the spacing itself is tested on the outbox.
            "--Telegram:Sender:PerChatInterval=00:00:00.020",
            "--Telegram:Sender:InitialBackoff=00:00:00.200",
        ];
        settings = [.. settings, .. _extraSettings];
        if (_postgres is not null)
        {
            settings = [.. settings, "--Storage:Provider=postgres", $"--Storage:ConnectionString={_postgres.ConnectionString}"];
        }

        if (WebhookUrl is not null)
        {
            settings =
            [
                .. settings,
                "--Telegram:Mode=webhook",
                $"--Telegram:WebhookUrl={WebhookUrl}",
                $"--Telegram:WebhookListen={_listens[index]}",
                $"--Telegram:WebhookSecret={WebhookSecret}",
            ];
        }

        var builder = KinerjaBotApp.CreateBuilder(settings);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("KINERJABOT_TEST_LOG") is { Length: > 0 } logFile)
        {
            builder.Logging.AddProvider(new FileLoggerProvider(logFile));
        }
        builder.Logging.AddProvider(Log);
        builder.Services.AddTelegramChannel();
        if (_wire is not null)
        {
            _wire.InnerHandler ??= new SocketsHttpHandler();
            builder.Services.AddSingleton(sp => BotApiClientFactory.Create(
                sp.GetRequiredService<IOptions<TelegramConnectionOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                _wire));
        }

        if (_clock is not null)
        {
            // Registered last, so it wins over the system clock AddKinerjaBot registers.
            builder.Services.AddSingleton(_clock);
        }

        var host = builder.Build();
        await host.StartAsync();
        if (WebhookUrl is null)
        {
            await Server.WaitForLongPollAsync(Patience);
        }
        else
        {
            await Server.WaitForWebhookAsync(Patience);
        }

        return host;
    }

    /// <summary>Stops the bot as a crash or a redeploy would, leaving the data directory behind.</summary>
    public async Task StopBotAsync()
    {
        foreach (var host in _extraInstances.Prepend(_host).OfType<IHost>())
        {
            await host.StopAsync(TimeSpan.FromSeconds(5));
            host.Dispose();
        }

        _host = null;
        Array.Clear(_extraInstances);
    }

    /// <summary>Registers an official: /start, then shares their own contact; waits for the greeting.</summary>
    public async Task RegisterAsync(string officialId)
    {
        var user = Official(officialId);
        await user.SendTextAsync("/start");
        await user.WaitForReplyAsync(m => m.ReplyKeyboard?.Buttons.Any(b => b.RequestContact) == true, Patience);
        await user.ShareContactAsync();
        await user.WaitForReplyAsync(m => m.Content.Contains("terdaftar sebagai"), Patience);
    }

    /// <summary>The operator opens a period with /buka, confirming when the period has not ended yet.</summary>
    public async Task OpenPeriodAsync(string periodId)
    {
        var operatorUser = Official("staf-pk");
        await operatorUser.SendTextAsync($"/buka {periodId}");
        var reply = await operatorUser.WaitForReplyAsync(m => m.Content.Contains("dibuka untuk") || m.FindButton("Ya, buka sekarang") is not null, Patience);
        if (reply.FindButton("Ya, buka sekarang") is { } confirm)
        {
            await operatorUser.PressButtonAsync(reply.MessageId, confirm.CallbackData!);
            await operatorUser.WaitForReplyAsync(m => m.Content.Contains("dibuka untuk"), Patience);
        }
    }

    /// <summary>Waits until the press of a button under <paramref name="messageId"/> is answered; returns the answer's text.</summary>
    public async Task<string?> WaitForPressAnswerAsync(SimulatedUser user, long messageId)
    {
        var giveUp = DateTime.UtcNow + Patience;
        while (true)
        {
            if (Server.CallbackAnswers.LastOrDefault(a => a.MessageId == messageId && a.UserId == user.UserId) is { } answer)
            {
                return answer.Text;
            }

            Assert.True(DateTime.UtcNow < giveUp, $"the press on message {messageId} was not answered in time");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the outbox holds nothing left to send: every queued message and edit is out or given up on.</summary>
    public async Task WaitForOutboxDrainedAsync()
    {
        var giveUp = DateTime.UtcNow + Patience;
        while ((await ReadStoreAsync(t => t.Outbox.BacklogAsync(default))).Pending > 0)
        {
            Assert.True(DateTime.UtcNow < giveUp, "the outbox still held items to send");
            await Task.Delay(20);
        }
    }

    public async Task<T> ReadStoreAsync<T>(Func<StoreTransaction, Task<T>> read)
    {
        using var store = OpenStore();
        await using var transaction = await store.BeginAsync(default);
        return await read(transaction);
    }

    /// <summary>A plain connection to the bot's database, for a test that must read a column no store method returns.</summary>
    public async Task<System.Data.Common.DbConnection> OpenDatabaseConnectionAsync()
    {
        System.Data.Common.DbConnection connection = _postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data.Path, KinerjaStore.FileName)};Mode=ReadOnly")
            : new Npgsql.NpgsqlConnection(_postgres.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The bot's store as a second process would open it (SQLite file or the PostgreSQL database); dispose it.</summary>
    public KinerjaStore OpenStore() =>
        _postgres is null
            ? KinerjaStore.Open(_data.Path, TimeProvider.System)
            : KinerjaStore.OpenPostgres(_postgres.ConnectionString, TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        if (_balancer is not null)
        {
            await _balancer.DisposeAsync();
        }

        await Server.DisposeAsync();
        _postgres?.Dispose();
        _data.Dispose();
    }
}
