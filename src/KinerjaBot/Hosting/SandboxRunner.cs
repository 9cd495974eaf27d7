using KinerjaBot.Configuration;
using KinerjaBot.Sandbox;
using KinerjaBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// The no-token run: starts the same <see cref="LocalBotApiServer"/> the end-to-end tests use, with its chat page on,
/// makes every official of the office a simulated Telegram user, and runs the real bot host against it. Only the
/// bot's <c>Telegram:ApiBaseUrl</c> and token differ from a real deployment, so what people try here is what runs
/// on Telegram.
/// </summary>
public sealed class SandboxRunner : IAsyncDisposable
{
    private int _disposed;

    private SandboxRunner(LocalBotApiServer server, IHost host, OfficeConfiguration office, string dataDirectory)
    {
        Server = server;
        Host = host;
        Office = office;
        DataDirectory = dataDirectory;
    }

    /// <summary>The local Bot API server playing Telegram and the officials.</summary>
    public LocalBotApiServer Server { get; }

    /// <summary>The running bot.</summary>
    public IHost Host { get; }

    /// <summary>The office the officials come from.</summary>
    public OfficeConfiguration Office { get; }

    /// <summary>The full path of the data directory (database, evidence, PDFs).</summary>
    public string DataDirectory { get; }

    /// <summary>The chat page's address, for example <c>http://127.0.0.1:5080/</c>.</summary>
    public string PageUrl => Server.BaseUrl + "/";

    /// <summary>The simulated Telegram user of an official.</summary>
    public SimulatedUser Official(string officialId) =>
        Server.GetUser(Server.ChatPageEntries.Single(e => e.Key == officialId).UserId);

    /// <summary>
    /// Starts the server and the bot. <paramref name="settings"/> are <c>--Key=value</c> arguments as for
    /// <see cref="KinerjaBotApp.CreateBuilder"/>; <paramref name="configure"/> adjusts the bot's host (tests quieten logging).
    /// </summary>
    public static async Task<SandboxRunner> StartAsync(
        string[] settings, Action<HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var builder = KinerjaBotApp.CreateBuilder(settings);
        var sandbox = builder.Configuration.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();
        if (sandbox.Port is < 0 or > 65535)
        {
            throw new OptionsValidationException(
                SandboxOptions.SectionName, typeof(SandboxOptions), [$"Sandbox:Port is {sandbox.Port}; use 1-65535, or 0 for any free port."]);
        }

        // The office is loaded before the port is taken, so a broken config fails fast; the host reuses this instance.
        var botOptions = builder.Configuration.GetSection(KinerjaBotOptions.SectionName).Get<KinerjaBotOptions>() ?? new KinerjaBotOptions();
        var office = OfficeConfigurationLoader.Load(botOptions.ConfigDirectory);
        builder.Services.AddSingleton(office);

        // Never the production database unless asked for explicitly: the sandbox's fake Telegram would otherwise
        // answer (and fail) the real office's queued messages.
        var dataDirectory = builder.Configuration[$"{KinerjaBotOptions.SectionName}:DataDirectory"] ?? sandbox.DataDirectory;
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{KinerjaBotOptions.SectionName}:DataDirectory"] = dataDirectory });
        long firstUpdateId;
        var identity = SandboxIdentity.Load(dataDirectory);
        {
            var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
            using var store = KinerjaStore.Open(storage, dataDirectory, TimeProvider.System);
            await using var transaction = await store.BeginAsync(cancellationToken);
            firstUpdateId = await transaction.Telegram.GetFirstUnseenUpdateIdAsync(cancellationToken);
        }

        var server = await LocalBotApiServer.StartAsync(
            new LocalBotApiServerOptions
            {
                Port = sandbox.Port,

                // New every run and never the fixed default, so no web page can address this Bot API (issue 11).
                Token = identity.Token,
                FirstUpdateId = firstUpdateId,

                // The chat history is in memory but registrations persist in the data directory: after a restart an
                // official registered earlier has, as on Telegram, already started the chat with the bot.
                RequireUserToStartChat = false,
                ChatPage = new ChatPageOptions { Title = office.Office.Name, Subtitle = office.Office.Government },
            },
            cancellationToken);
        IHost? host = null;
        try
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = server.Token,
                ["Telegram:ApiBaseUrl"] = server.BaseUrl,
            });
            builder.Configuration.AddInMemoryCollection(SandboxWhatsApp.Settings(server));
            builder.Services.AddTelegramChannel();
            configure?.Invoke(builder);
            host = builder.Build();

            AddOfficials(server, office, identity);
            await host.StartAsync(cancellationToken);
            await SandboxWhatsApp.SubscribeAsync(server, host.Services, cancellationToken);
            return new SandboxRunner(server, host, office, Path.GetFullPath(dataDirectory));
        }
        catch
        {
            host?.Dispose();
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when the bot host is asked to stop (Ctrl+C, SIGTERM) or <paramref name="cancellationToken"/> fires.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => Host.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // The bot first, so its last long poll and sends still find the server.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await Host.StopAsync(timeout.Token);
        }

        Host.Dispose();
        await Server.DisposeAsync();
    }

    private static void AddOfficials(LocalBotApiServer server, OfficeConfiguration office, SandboxIdentity identity)
    {
        var used = new HashSet<long>();
        foreach (var official in office.Officials)
        {
            var userId = identity.UserId(official.Id);
            while (!used.Add(userId))
            {
                userId++;
            }

            // Telegram shows the name without academic titles after the comma ("Hendra Saputra, S.E." → "Hendra Saputra").
            var displayName = official.Name.Split(',')[0].Trim();
            server.AddUser(userId, displayName, null, official.Phone);
            server.ListOnChatPage(new ChatPageEntry(
                official.Id, userId, official.Name, official.Position, string.Join(" · ", office.DescribeRoles(official.Id))));
            SandboxWhatsApp.AddOfficial(server, office, official, displayName);
        }
    }
}
