using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.Periods;
using KinerjaBot.Reminders;
using KinerjaBot.Reports;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KinerjaBot.Hosting;

/// <summary>The one place the bot's services are wired together.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Everything but the background workers: enough for the command-line verbs.</summary>
    public static IServiceCollection AddKinerjaBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KinerjaBotOptions>()
            .Bind(configuration.GetSection(KinerjaBotOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TelegramClientOptions>()
            .Bind(configuration.GetSection("Telegram"))
            .Validate(
                o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Telegram:ApiBaseUrl must be an absolute http(s) address such as https://api.telegram.org.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Telegram:RequestTimeout must be positive, e.g. 00:00:30.")
            .ValidateOnStart();
        services.AddOptions<TelegramOutboxOptions>()
            .Bind(configuration.GetSection("Telegram:Outbox"))
            .Validate(o => o.MaxAttempts >= 1, "Telegram:Outbox:MaxAttempts must be at least 1.")
            .Validate(o => o.GlobalLimit >= 1, "Telegram:Outbox:GlobalLimit must be at least 1 (Telegram allows about 30 messages a second).")
            .Validate(o => o.PerChatInterval >= TimeSpan.Zero && o.GlobalWindow > TimeSpan.Zero, "Telegram:Outbox:PerChatInterval must not be negative and GlobalWindow must be positive.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => OfficeConfigurationLoader.Load(Options(sp).ConfigDirectory));
        services.AddSingleton(sp => KinerjaStore.Open(Options(sp).DataDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<OfficeConfiguration>().CreateCalendar());
        services.AddSingleton(RatingBands.Default);
        services.AddSingleton<WorkflowCatalog>();
        services.AddSingleton<WorkflowService>();
        services.AddSingleton(sp => new ConversationServices(
            sp.GetRequiredService<OfficeConfiguration>(),
            sp.GetRequiredService<WorkflowService>(),
            sp.GetRequiredService<WorkingCalendar>(),
            sp.GetRequiredService<RatingBands>(),
            Options(sp).DataDirectory,
            Options(sp).SourceUrl));

        services.AddSingleton<SubmissionFormatter>();
        services.AddSingleton<FillingFlow>();
        services.AddSingleton<VerificationFlow>();
        services.AddSingleton<PendingWork>();
        services.AddSingleton<RegistrationFlow>();
        services.AddSingleton<StatusReport>();
        services.AddSingleton<PeriodOpening>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<ConversationRouter>();

        services.AddSingleton<OwedWorkFinder>();
        services.AddSingleton<ReminderMessages>();
        services.AddSingleton<WeeklyDigestBuilder>();
        services.AddSingleton<ReminderEngine>();
        services.AddSingleton<NudgeFlow>();

        services.AddSingleton(_ =>
        {
            PdfSharpSetup.EnsureInitialized();
            return new ReportPdfRenderer();
        });
        services.AddSingleton<ReportModelBuilder>();
        services.AddSingleton<ReportArchive>();
        services.AddSingleton<IOfficeReportChain, OfficeReportChain>();
        return services;
    }

    /// <summary>The Telegram channel: client, rate-limited sender, update processing, and the background workers (polling, sending, reminders).</summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        // One long-lived HttpClient, not IHttpClientFactory: the factory's request logging would write the bot
        // token (it is part of every URL) into the logs. The client applies its own per-request timeouts.
        services.AddSingleton<ITelegramBotClient>(sp => new TelegramBotClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<IOptions<TelegramClientOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelegramBotClient>>()));
        services.AddSingleton<IChatUnreachableHandler, UnreachableChatHandler>();
        services.AddSingleton(sp => new TelegramOutbox(
            sp.GetRequiredService<ITelegramBotClient>(),
            sp.GetRequiredService<IChatUnreachableHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TelegramOutboxOptions>>().Value,
            sp.GetRequiredService<ILogger<TelegramOutbox>>()));
        services.AddSingleton<BotRunOutcome>();
        services.AddSingleton<UpdateTranslator>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<UpdatePoller>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<UpdatePoller>());

        // Reminders go out through the same outbox, so they run only where the channel runs.
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }

    private static KinerjaBotOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KinerjaBotOptions>>().Value;
}
