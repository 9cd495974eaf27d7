using System.Net;
using KinerjaBot.Configuration;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using KinerjaBot.TelegramChannel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>
/// Several offices in one process (a config directory with one folder per office): each office is a complete bot
/// host of its own — its own bot token, store, outbox and sender, reminders, archive — so no service of one office
/// can reach another's data. The hosts start and stop together; in webhook mode they share one listener, each bot
/// on its own path. Without any bot token every office runs in a local sandbox of its own (decisions/0017).
/// </summary>
public sealed class OfficeDeployment : IAsyncDisposable
{
    private readonly IReadOnlyList<SharedWebhookListener> _listeners;
    private int _disposed;

    private OfficeDeployment(IReadOnlyList<DeployedOffice> offices, IReadOnlyList<SharedWebhookListener> listeners)
    {
        Offices = offices;
        _listeners = listeners;
    }

    public IReadOnlyList<DeployedOffice> Offices { get; }

    /// <summary>Whether the offices run against local sandboxes (no bot token set).</summary>
    public bool IsSandbox => Offices.Count > 0 && Offices[0].Sandbox is not null;

    /// <summary>Where the shared webhook listener listens (webhook mode), once started.</summary>
    public IReadOnlyList<Uri> WebhookListeners => [.. _listeners.Select(l => l.ListeningOn).OfType<Uri>()];

    public DeployedOffice Office(string officeId) => Offices.Single(o => o.Id == officeId);

    /// <summary>
    /// Loads every office (one broken office refuses them all, naming it), checks that the offices' settings keep
    /// them apart, and starts one host per office. <paramref name="configure"/> adjusts each office's host.
    /// </summary>
    public static async Task<OfficeDeployment> StartAsync(
        string[] settings, Action<OfficeConfiguration, HostApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        var shared = KinerjaBotApp.CreateBuilder(settings).Configuration;
        var layout = ConfigurationLayout.Detect(ConfigDirectory(shared));
        var offices = OfficeFolderConfigurations.Load(layout);
        var builders = offices
            .Select(o => (o.Folder, o.Office, Builder: KinerjaBotApp.CreateBuilder([.. settings, .. OfficeSettings.For(shared, o.Office.Office.Id, o.Folder, DataRoot(shared))])))
            .ToList();
        var sandbox = builders.All(b => string.IsNullOrWhiteSpace(b.Builder.Configuration["Telegram:BotToken"]));
        var separated = new OfficeSeparation();
        foreach (var (_, office, builder) in builders)
        {
            separated.Check(office.Office.Id, builder.Configuration, sandbox);
        }

        separated.ThrowIfMixed();
        if (sandbox)
        {
            return await StartSandboxesAsync(shared, settings, offices, configure, cancellationToken);
        }

        var listeners = new Dictionary<IPEndPoint, SharedWebhookListener>();
        var started = new List<DeployedOffice>();
        try
        {
            foreach (var (folder, office, builder) in builders)
            {
                builder.Services.AddSingleton(office);
                builder.Services.AddTelegramChannel();
                var updates = builder.Configuration.GetSection("Telegram").Get<TelegramUpdateOptions>() ?? new TelegramUpdateOptions();
                if (updates.IsWebhook && updates.Problems().Count == 0)
                {
                    var endPoint = updates.ListenEndPoint();
                    if (!listeners.TryGetValue(endPoint, out var listener))
                    {
                        listener = new SharedWebhookListener(endPoint);
                        listeners.Add(endPoint, listener);
                    }

                    builder.Services.AddSingleton(listener.Route(office.Office.Id, new Uri(updates.WebhookUrl).AbsolutePath));
                }

                if (started.Count == builders.Count - 1)
                {
                    // Under systemd (Type=notify) the last office to start says the service is up.
                    builder.Services.AddSystemd();
                }

                configure?.Invoke(office, builder);
                OfficeLoggerProvider.WrapAll(builder.Services, office.Office.Id);
                started.Add(new DeployedOffice(office, folder, builder.Build(), null));
            }

            foreach (var listener in listeners.Values)
            {
                await listener.StartAsync(cancellationToken);
            }

            foreach (var office in started)
            {
                await StartNamingTheOfficeAsync(office, cancellationToken);
            }

            return new OfficeDeployment(started, [.. listeners.Values]);
        }
        catch
        {
            await new OfficeDeployment(started, [.. listeners.Values]).DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when any office's host is asked to stop (Ctrl+C, SIGTERM, a rejected token) or <paramref name="cancellationToken"/> fires.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken = default)
    {
        var stopping = Offices.Select(o => o.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        using var any = CancellationTokenSource.CreateLinkedTokenSource([cancellationToken, .. stopping]);
        await Task.Delay(Timeout.Infinite, any.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Why an office's bot stopped by itself (a rejected token), each line naming the office; empty otherwise.</summary>
    public IReadOnlyList<string> Failures() =>
        [.. Offices.Select(o => (o.Id, o.Host.Services.GetService<BotRunOutcome>()?.Failure)).Where(f => f.Failure is not null).Select(f => $"Office '{f.Id}': {f.Failure}")];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // The shared listener first: no office accepts an update whose replies its stopping host would not send.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(timeout.Token);
        }

        await Task.WhenAll(Offices.Select(async office =>
        {
            if (office.Sandbox is not null)
            {
                await office.Sandbox.DisposeAsync();
                return;
            }

            await office.Host.StopAsync(timeout.Token);
            office.Host.Dispose();
        }));
        foreach (var listener in _listeners)
        {
            await listener.DisposeAsync();
        }
    }

    // A bad setting or an unusable database of one office stops them all; the message says which office it was.
    private static async Task StartNamingTheOfficeAsync(DeployedOffice office, CancellationToken cancellationToken)
    {
        try
        {
            await office.Host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException e)
        {
            throw new OptionsValidationException(e.OptionsName, e.OptionsType, [.. e.Failures.Select(f => $"Office '{office.Id}': {f}")]);
        }
        catch (DataStoreException e)
        {
            throw new DataStoreException($"Office '{office.Id}': {e.Message}", e);
        }
    }

    internal static string ConfigDirectory(IConfiguration shared) =>
        shared[$"{KinerjaBotOptions.SectionName}:ConfigDirectory"] is { Length: > 0 } folder ? folder : new KinerjaBotOptions().ConfigDirectory;

    internal static string DataRoot(IConfiguration shared) =>
        shared[$"{KinerjaBotOptions.SectionName}:DataDirectory"] is { Length: > 0 } folder ? folder : new KinerjaBotOptions().DataDirectory;

    private static async Task<OfficeDeployment> StartSandboxesAsync(
        IConfiguration shared,
        string[] settings,
        IReadOnlyList<(string Folder, OfficeConfiguration Office)> offices,
        Action<OfficeConfiguration, HostApplicationBuilder>? configure,
        CancellationToken cancellationToken)
    {
        // Like one office's sandbox: never the real data folder unless KinerjaBot:DataDirectory names one.
        var sandboxOptions = shared.GetSection(SandboxOptions.SectionName).Get<SandboxOptions>() ?? new SandboxOptions();
        var dataRoot = shared[$"{KinerjaBotOptions.SectionName}:DataDirectory"] ?? sandboxOptions.DataDirectory;
        var started = new List<DeployedOffice>();
        try
        {
            foreach (var ((folder, office), index) in offices.Select((o, i) => (o, i)))
            {
                // One sandbox Bot API server and chat page per office, on consecutive ports (any free one with 0).
                var port = sandboxOptions.Port == 0 ? 0 : sandboxOptions.Port + index;
                var sandbox = await SandboxRunner.StartAsync(
                    [.. settings, .. OfficeSettings.For(shared, office.Office.Id, folder, dataRoot), $"--{SandboxOptions.SectionName}:Port={port}"],
                    builder =>
                    {
                        configure?.Invoke(office, builder);
                        OfficeLoggerProvider.WrapAll(builder.Services, office.Office.Id);
                    },
                    cancellationToken);
                started.Add(new DeployedOffice(sandbox.Office, folder, sandbox.Host, sandbox));
            }

            return new OfficeDeployment(started, []);
        }
        catch
        {
            await new OfficeDeployment(started, []).DisposeAsync();
            throw;
        }
    }
}
