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

    // Each instance's PostgreSQL sessions carry this name and its index, so the database shows who holds a lease.
    private const string InstanceNamePrefix = "kinerjabot-instance-";

    // FreePort's range, below the kernel's ephemeral ports; a random start per test process, so two test runs on one
    // machine do not walk the same ports in step.
    private const int PortRangeStart = 20_000;
    private const int PortRangeSize = 12_000;
    private static int _nextPort = Random.Shared.Next(PortRangeSize);

    private readonly TempDirectory _data = new();

    // With KINERJABOT_TEST_STORAGE=postgres every harness gets a database of its own on the test server.
    private readonly PostgresTestDatabase? _postgres;
    private readonly TimeProvider? _clock;
    private readonly DelegatingHandler? _wire;
    private readonly string _configDirectory;
    private readonly string[] _extraSettings;
    private readonly List<string> _listens = [];
    private readonly IHost?[] _extraInstances;

    // With processes: every instance is a bot process of its own (kept after it was killed, for its output).
    private readonly BotProcess?[]? _processes;
    private WebhookBalancer? _balancer;
    private IHost? _host;

    private BotHarness(
        LocalBotApiServer server, TimeProvider? clock, DelegatingHandler? wire, bool webhook, string? configDirectory, bool postgres, int instances, string[]? settings = null, bool processes = false)
    {
        _processes = processes ? new BotProcess?[instances] : null;
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
    /// With <paramref name="processes"/> (webhook mode on PostgreSQL) every instance is the built bot in a process of its
    /// own (<see cref="BotProcess"/>) at the bot's real pacing (1 s per chat, 30/s), the sandbox measures Telegram's
    /// limits (<see cref="LocalBotApiServer.LimitViolations"/>) and pushes updates over one connection per instance.
    public static async Task<BotHarness> StartAsync(
        TimeProvider? clock = null,
        DelegatingHandler? wire = null,
        bool? webhook = null,
        string? configDirectory = null,
        bool? postgres = null,
        int instances = 1,
        Func<LocalBotApiServer, string[]>? settings = null,
        WhatsAppDoubleOptions? whatsApp = null,
        bool processes = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        var options = new LocalBotApiServerOptions { RequireUserToStartChat = true };
        if (processes)
        {
            options = options with { Limits = new TelegramLimitsOptions(), WebhookConnections = instances };
        }

        var server = await LocalBotApiServer.StartAsync(whatsApp is null ? options : options with { WhatsApp = whatsApp });
        var harness = new BotHarness(
            server,
            clock,
            wire,
            processes || instances > 1 || (webhook ?? string.Equals(Environment.GetEnvironmentVariable(ModeVariable), "webhook", StringComparison.OrdinalIgnoreCase)),
            configDirectory,
            processes || instances > 1 || (postgres ?? PostgresTestDatabase.Requested),
            instances,
            settings?.Invoke(server),
            processes);
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

    /// <summary>
    /// A port for a listener the bot binds later. Taken below the kernel's ephemeral range (Linux 32768–60999, Windows
    /// 49152–65535): a port the OS hands out for port 0 is free only until the next outgoing connection, and with the
    /// tests' many HTTP clients one of them sometimes took it before the bot bound it ("address already in use").
    /// Ports here are never given to outgoing connections; the counter keeps this process's picks apart and the probe
    /// skips ports another process listens on.
    /// </summary>
    public static int FreePort()
    {
        for (var attempt = 0; attempt < PortRangeSize; attempt++)
        {
            var port = PortRangeStart + (int)((uint)Interlocked.Increment(ref _nextPort) % PortRangeSize);
            try
            {
                using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Someone listens there already: the next one.
            }
        }

        throw new InvalidOperationException($"No free port in {PortRangeStart}–{PortRangeStart + PortRangeSize - 1}.");
    }


    /// <summary>The simulated Telegram user of an official of the sample office.</summary>
    public SimulatedUser Official(string officialId)
    {
        var index = SampleOffice.Configuration.Officials.Select(o => o.Id).ToList().IndexOf(officialId);
        return Server.GetUser(UserIdOf(index));
    }

    public async Task StartBotAsync()
    {
        if (_processes is not null)
        {
            for (var i = 0; i < _processes.Length; i++)
            {
                _processes[i] = await StartProcessAsync(i);
            }

            return;
        }

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

    /// <summary>SIGKILLs one instance's process (0 is the first): it ends at once, whatever it was doing.</summary>
    public void KillInstance(int index) =>
        (_processes?[index] ?? throw new InvalidOperationException($"Instance {index} is not a running process.")).Kill();

    /// <summary>Everything each instance's process wrote (with processes), for a failing test's report.</summary>
    public IReadOnlyList<string> ProcessOutputs => [.. (_processes ?? []).OfType<BotProcess>().Select(p => p.Output)];

    /// <summary>Which instance holds the sender's lease (PostgreSQL: the session advisory lock of <c>LeaseRole.Sender</c>), or null.</summary>
    public async Task<int?> SenderLeaseHolderAsync()
    {
        // Storage/PostgresBackend: LeaseKeyBase ("Kinerja" + 16) + LeaseRole.Sender. PostgreSQL shows a bigint key split
        // into its high (classid) and low (objid) halves, objsubid 1; the same key is held in every other test's database.
        const long senderLeaseKey = 0x4B_696E_6572_6A61 + 16 + (long)LeaseRole.Sender;
        var holders = await AdvisoryLockHoldersAsync();
        return holders.FirstOrDefault(h => h.Key == senderLeaseKey).Holder is { } name && name.StartsWith(InstanceNamePrefix, StringComparison.Ordinal)
            ? int.Parse(name.AsSpan(InstanceNamePrefix.Length), System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Every granted advisory lock in the bot's database with the application name of its holder, for a failing test's report.</summary>
    public async Task<IReadOnlyList<(long Key, string Holder)>> AdvisoryLockHoldersAsync()
    {
        await using var connection = await OpenDatabaseConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (l.classid::bigint << 32) | l.objid::bigint, COALESCE(a.application_name, '?') FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
              AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var holders = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            holders.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return holders;
    }

    private string[] InstanceSettings(int index)
    {
        string[] settings =
        [
            $"--KinerjaBot:ConfigDirectory={_configDirectory}",
            $"--KinerjaBot:DataDirectory={_data.Path}",
            $"--Telegram:BotToken={Server.Token}",
            $"--Telegram:ApiBaseUrl={Server.BaseUrl}",
        ];
        if (_processes is null)
        {
            // Keep the per-chat spacing short so the suite stays fast; the spacing itself is tested on the outbox.
            settings = [.. settings, "--Telegram:Sender:PerChatInterval=00:00:00.020", "--Telegram:Sender:InitialBackoff=00:00:00.200"];
        }

        settings = [.. settings, .. _extraSettings];
        if (_postgres is not null)
        {
            // Named per instance, so the database can tell which instance holds a lease.
            var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(_postgres.ConnectionString) { ApplicationName = InstanceNamePrefix + index.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            settings = [.. settings, "--Storage:Provider=postgres", $"--Storage:ConnectionString={connectionString}"];
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

        return settings;
    }

    private async Task<BotProcess> StartProcessAsync(int index)
    {
        var registered = Server.RequestLog.LastOrDefault()?.Sequence ?? 0;
        var process = BotProcess.Start($"instance {index}", InstanceSettings(index));
        try
        {
            // It registers the webhook once its endpoint listens: then it takes updates. A start takes seconds on a busy machine.
            await Server.WaitForRequestAsync(r => r.Sequence > registered && r.Method == "setWebhook" && r.StatusCode == 200, Patience * 4);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Bot instance {index} did not register its webhook.{Environment.NewLine}{process.Output}");
        }

        return process;
    }

    private async Task<IHost> StartInstanceAsync(int index)
    {
        var settings = InstanceSettings(index);
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
        foreach (var process in _processes ?? [])
        {
            process?.Dispose();
        }

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

    /// <summary>
    /// A unit head presses "Mulai isi" under the opening prompt and waits for the first question, the one about
    /// <paramref name="firstIndicatorCode"/>.
    /// </summary>
    public static async Task StartFillingAsync(SimulatedUser unitHead, string firstIndicatorCode)
    {
        await unitHead.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, Patience);
        await unitHead.PressButtonAsync("Mulai isi");
        await unitHead.WaitForReplyAsync(m => m.Content.Contains($"{firstIndicatorCode} "), Patience);
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
