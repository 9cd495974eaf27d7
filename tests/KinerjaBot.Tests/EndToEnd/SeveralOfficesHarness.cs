using KinerjaBot.Configuration;
using KinerjaBot.Hosting;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using KinerjaBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>
/// Two offices in one deployment over real HTTP: a config directory with one folder per office (the sample office
/// and the second fictional office of <c>EndToEnd/SecondOffice</c>), one local Bot API server per office's bot, and
/// one <see cref="OfficeDeployment"/> (the same wiring as <c>dotnet run</c>) serving both. Webhook mode and PostgreSQL
/// follow the same switches as <see cref="BotHarness"/>; on PostgreSQL each office gets a database of its own.
/// </summary>
public sealed class SeveralOfficesHarness : IAsyncDisposable
{
    public const string Sample = "kec-sukamaju";
    public const string Second = "kec-sukamakmur";

    private static readonly string[] OfficeIds = [Sample, Second];
    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, LocalBotApiServer> _servers = [];
    private readonly Dictionary<string, OfficeConfiguration> _offices = [];
    private readonly Dictionary<string, PostgresTestDatabase> _databases = [];
    private OfficeDeployment? _deployment;

    private SeveralOfficesHarness()
    {
        WriteConfig(ConfigDirectory);
        foreach (var id in OfficeIds)
        {
            _offices[id] = OfficeConfigurationLoader.Load(ConfigFolderOf(id));
        }
    }

    /// <summary>Writes the two offices' files into <paramref name="configDirectory"/>, one folder per office named by its id.</summary>
    public static void WriteConfig(string configDirectory)
    {
        foreach (var (id, source) in new[] { (Sample, RepositoryPaths.SampleConfig), (Second, SecondOfficeConfig) })
        {
            Directory.CreateDirectory(Path.Combine(configDirectory, id));
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(configDirectory, id, Path.GetFileName(file)));
            }
        }
    }

    public static string SecondOfficeConfig => Path.Combine(RepositoryPaths.Root, "tests", "KinerjaBot.Tests", "EndToEnd", "SecondOffice");

    /// <summary>The config directory holding one folder per office.</summary>
    public string ConfigDirectory => _temp.Combine("config");

    /// <summary>The shared data folder; each office keeps its data in a folder of its own below it.</summary>
    public string DataRoot => _temp.Combine("data");

    public OfficeDeployment Deployment => _deployment ?? throw new InvalidOperationException("The offices are not running.");

    public CollectingLoggerProvider Log { get; } = new();

    /// <summary>The shared webhook listener's address in webhook mode; null when the bots poll.</summary>
    public string? WebhookListen { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>
    /// Starts both servers and the deployment. With a <paramref name="clock"/> every office tells time by it. With
    /// <paramref name="webhook"/> (by default: <see cref="BotHarness.ModeVariable"/> says so) both bots get updates by webhook.
    /// </summary>
    public static async Task<SeveralOfficesHarness> StartAsync(TimeProvider? clock = null, bool? webhook = null)
    {
        var harness = new SeveralOfficesHarness();
        try
        {
            foreach (var (id, index) in OfficeIds.Select((id, i) => (id, i)))
            {
                // Each office has a bot of its own, so each server has a token of its own.
                var server = await LocalBotApiServer.StartAsync(new LocalBotApiServerOptions { RequireUserToStartChat = true, Token = $"700000000{index + 1}:SANDBOX-office-{id}" });
                harness._servers[id] = server;
                foreach (var (official, officialIndex) in harness._offices[id].Officials.Select((o, i) => (o, i)))
                {
                    server.AddUser(UserIdOf(id, officialIndex), official.Name.Split(',')[0], null, official.Phone);
                }
            }

            await harness.StartOfficesAsync(clock, webhook ?? string.Equals(Environment.GetEnvironmentVariable(BotHarness.ModeVariable), "webhook", StringComparison.OrdinalIgnoreCase));
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    public static long UserIdOf(string officeId, int officialIndex) => (officeId == Sample ? 700_000_000 : 710_000_000) + officialIndex;

    public LocalBotApiServer ServerOf(string officeId) => _servers[officeId];

    public OfficeConfiguration Office(string officeId) => _offices[officeId];

    public IServiceProvider ServicesOf(string officeId) => Deployment.Office(officeId).Host.Services;

    public string ConfigFolderOf(string officeId) => Path.Combine(ConfigDirectory, officeId);

    public string DataDirectoryOf(string officeId) => Path.Combine(DataRoot, officeId);

    /// <summary>The simulated Telegram user of an official, as the bot of their own office knows them.</summary>
    public SimulatedUser Official(string officeId, string officialId)
    {
        var index = _offices[officeId].Officials.Select(o => o.Id).ToList().IndexOf(officialId);
        return _servers[officeId].GetUser(UserIdOf(officeId, index));
    }

    /// <summary>The settings the deployment runs with (the shared ones and each office's own), for the command line too.</summary>
    public string[] Settings()
    {
        List<string> settings =
        [
            $"--KinerjaBot:ConfigDirectory={ConfigDirectory}",
            $"--KinerjaBot:DataDirectory={DataRoot}",
            "--Telegram:Sender:PerChatInterval=00:00:00.020",
            "--Telegram:Sender:InitialBackoff=00:00:00.200",
        ];
        foreach (var (id, server) in _servers)
        {
            settings.Add($"--Offices:{id}:Telegram:BotToken={server.Token}");
            settings.Add($"--Offices:{id}:Telegram:ApiBaseUrl={server.BaseUrl}");
        }

        if (_databases.Count > 0)
        {
            settings.Add("--Storage:Provider=postgres");
            settings.AddRange(_databases.Select(d => $"--Offices:{d.Key}:Storage:ConnectionString={d.Value.ConnectionString}"));
        }

        return [.. settings, .. _webhookSettings];
    }

    private string[] _webhookSettings = [];

    private async Task StartOfficesAsync(TimeProvider? clock, bool webhook)
    {
        if (PostgresTestDatabase.Requested)
        {
            foreach (var id in OfficeIds)
            {
                _databases[id] = new PostgresTestDatabase();
            }
        }

        if (webhook)
        {
            // One listener for both offices; each bot's path is the shared address plus /<office-id>.
            WebhookListen = $"http://127.0.0.1:{BotHarness.FreePort()}";
            WebhookSecret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
            _webhookSettings =
            [
                "--Telegram:Mode=webhook",
                $"--Telegram:WebhookUrl={WebhookListen}/telegram",
                $"--Telegram:WebhookListen={WebhookListen}",
                $"--Telegram:WebhookSecret={WebhookSecret}",
            ];
        }

        _deployment = await OfficeDeployment.StartAsync(Settings(), (_, builder) =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Log);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }
        });
        foreach (var server in _servers.Values)
        {
            if (webhook)
            {
                await server.WaitForWebhookAsync(BotHarness.Patience);
            }
            else
            {
                await server.WaitForLongPollAsync(BotHarness.Patience);
            }
        }
    }

    /// <summary>Registers an official at their own office's bot: /start, then their own contact.</summary>
    public async Task RegisterAsync(string officeId, string officialId)
    {
        var user = Official(officeId, officialId);
        await user.SendTextAsync("/start");
        await user.WaitForReplyAsync(m => m.ReplyKeyboard?.Buttons.Any(b => b.RequestContact) == true, BotHarness.Patience);
        await user.ShareContactAsync();
        await user.WaitForReplyAsync(m => m.Content.Contains("terdaftar sebagai"), BotHarness.Patience);
    }

    /// <summary>The office's operator opens a period with /buka, confirming when it has not ended yet.</summary>
    public async Task OpenPeriodAsync(string officeId, string periodId)
    {
        var operatorUser = Official(officeId, "staf-pk");
        await operatorUser.SendTextAsync($"/buka {periodId}");
        var reply = await operatorUser.WaitForReplyAsync(m => m.Content.Contains("dibuka untuk") || m.FindButton("Ya, buka sekarang") is not null, BotHarness.Patience);
        if (reply.FindButton("Ya, buka sekarang") is { } confirm)
        {
            await operatorUser.PressButtonAsync(reply.MessageId, confirm.CallbackData!);
            await operatorUser.WaitForReplyAsync(m => m.Content.Contains("dibuka untuk"), BotHarness.Patience);
        }
    }

    /// <summary>Waits until everything the office's bot queued has been sent.</summary>
    public async Task WaitForDeliveryAsync(string officeId)
    {
        var until = DateTime.UtcNow + BotHarness.Patience;
        var store = ServicesOf(officeId).GetRequiredService<KinerjaStore>();
        while (true)
        {
            await using var read = await store.BeginAsync(default);
            if ((await read.Outbox.PendingAsync(1, default)).Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < until, $"The outbox of {officeId} was not sent in time.");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }

        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        foreach (var database in _databases.Values)
        {
            database.Dispose();
        }

        _temp.Dispose();
    }
}
