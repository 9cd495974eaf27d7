using KinerjaBot.Actions;
using KinerjaBot.Configuration;
using KinerjaBot.Conversations;
using KinerjaBot.Domain;
using KinerjaBot.Periods;
using KinerjaBot.Reminders;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Reports;
using KinerjaBot.Storage;
using KinerjaBot.Telegram;
using KinerjaBot.TelegramChannel;
using KinerjaBot.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

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
        services.AddOptions<TelegramConnectionOptions>()
            .Bind(configuration.GetSection("Telegram"))
            .Validate(
                o => string.IsNullOrWhiteSpace(o.BotToken) || TelegramConnectionOptions.IsWellFormedToken(o.BotToken),
                "Telegram:BotToken must look like 123456789:AAE… (the bot's id, a colon, the secret), as @BotFather gives it.")
            .Validate(
                o => Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https",
                "Telegram:ApiBaseUrl must be an absolute http(s) address such as https://api.telegram.org.")
            .Validate(o => o.RequestTimeout > TimeSpan.Zero, "Telegram:RequestTimeout must be positive, e.g. 00:00:30.")
            .ValidateOnStart();
        services.AddOptions<TelegramUpdateOptions>().Bind(configuration.GetSection("Telegram")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramUpdateOptions>>(new ProblemListValidator<TelegramUpdateOptions>(o => o.Problems()));
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>>(new ProblemListValidator<StorageOptions>(o => o.Problems()));
        services.AddOptions<TelegramSenderOptions>()
            .Bind(configuration.GetSection("Telegram:Sender"))
            .Validate(o => o.MaxAttempts >= 1, "Telegram:Sender:MaxAttempts must be at least 1.")
            .Validate(o => o.GlobalLimit >= 1, "Telegram:Sender:GlobalLimit must be at least 1 (Telegram allows about 30 messages a second).")
            .Validate(o => o.PerChatInterval >= TimeSpan.Zero && o.GlobalWindow > TimeSpan.Zero, "Telegram:Sender:PerChatInterval must not be negative and GlobalWindow must be positive.")
            .Validate(o => o.PerChatBurst >= 1, "Telegram:Sender:PerChatBurst must be at least 1 (Telegram lets a chat have about 3 messages at once).")
            .Validate(o => o.GlobalSafetyMargin >= TimeSpan.Zero, "Telegram:Sender:GlobalSafetyMargin must not be negative.")
            .Validate(o => o.BackgroundAgingLimit >= TimeSpan.Zero, "Telegram:Sender:BackgroundAgingLimit must not be negative (it is how long a reminder or broadcast may wait behind replies, e.g. 00:00:05).")
            .ValidateOnStart();
        services.AddWhatsAppOptions(configuration);
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(sp => OfficeConfigurationLoader.Load(Options(sp).ConfigDirectory));
        services.AddSingleton(sp => KinerjaStore.Open(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, Options(sp).DataDirectory, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<OfficeConfiguration>().CreateCalendar());
        services.AddSingleton(RatingBands.Default);
        services.AddSingleton<WorkflowCatalog>();
        services.AddSingleton(sp => ActingRegister.Load(sp.GetRequiredService<OfficeConfiguration>(), sp.GetRequiredService<KinerjaStore>()));
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
        services.AddSingleton<RollupConfirmationFlow>();
        services.AddSingleton<VerificationFlow>();
        services.AddSingleton<BulkApprovalFlow>();
        services.AddSingleton<ReportCheckFlow>();
        services.AddSingleton<PendingWork>();
        services.AddSingleton<RegistrationFlow>();
        services.AddSingleton<StatusReport>();
        services.AddSingleton<PeriodOpening>();
        services.AddSingleton<PeriodAnnouncer>();
        services.AddSingleton<HelpReply>();
        services.AddSingleton<CommandHandler>();
        services.AddSingleton<ConversationRouter>();

        services.AddSingleton<OwedWorkFinder>();
        services.AddSingleton<ReminderMessages>();
        services.AddSingleton<WeeklyDigestBuilder>();
        services.AddSingleton<ReminderEngine>();
        services.AddSingleton<NudgeFlow>();
        services.AddSingleton<ActingHandover>();
        services.AddSingleton<PeriodClosing>();
        services.AddSingleton<PeriodClosingFlow>();
        services.AddSingleton<ActingFlow>();

        services.AddSingleton(_ =>
        {
            PdfSharpSetup.EnsureInitialized();
            return new ReportPdfRenderer();
        });
        services.AddSingleton<ReportModelBuilder>();
        services.AddSingleton(sp => new ReportArchive(
            sp.GetRequiredService<OfficeConfiguration>(),
            sp.GetRequiredService<ReportModelBuilder>(),
            sp.GetRequiredService<ReportPdfRenderer>(),
            Options(sp).DataDirectory));
        services.AddSingleton(sp => new ReportVerifier(Options(sp).DataDirectory));
        services.AddSingleton<IOfficeReportChain, OfficeReportChain>();

        // Format approval (format_approval: on): the draft format, its letter, and the chat steps.
        services.AddSingleton(_ =>
        {
            PdfSharpSetup.EnsureInitialized();
            return new NotificationLetterRenderer();
        });
        services.AddSingleton<FormatDocumentBuilder>();
        services.AddSingleton(sp => new FormatArchive(
            sp.GetRequiredService<OfficeConfiguration>(),
            sp.GetRequiredService<FormatDocumentBuilder>(),
            sp.GetRequiredService<ReportPdfRenderer>(),
            sp.GetRequiredService<NotificationLetterRenderer>(),
            Options(sp).DataDirectory));
        services.AddSingleton<FormatApprovalFlow>();

        services.AddSingleton<MeasurementReportBuilder>();
        services.AddSingleton(sp => new MeasurementArchive(
            sp.GetRequiredService<OfficeConfiguration>(),
            sp.GetRequiredService<MeasurementReportBuilder>(),
            sp.GetRequiredService<ReportPdfRenderer>(),
            Options(sp).DataDirectory));
        services.AddSingleton<IMeasurementChain, MeasurementChain>();
        return services;
    }

    /// <summary>
    /// The Telegram channel: Telegram.Bot's client, the one rate-limited sender over it, update processing, and the
    /// background workers (polling, draining the stored outgoing queue, reminders).
    /// </summary>
    public static IServiceCollection AddTelegramChannel(this IServiceCollection services)
    {
        services.AddSingleton(sp => BotApiClientFactory.Create(
            sp.GetRequiredService<IOptions<TelegramConnectionOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IChatUnreachableHandler, UnreachableChatHandler>();

        // Exactly one: its rate limits are process-wide.
        services.AddSingleton(sp => new TelegramSender(
            sp.GetRequiredService<ITelegramBotClient>(),
            sp.GetRequiredService<IChatUnreachableHandler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TelegramSenderOptions>>().Value,
            sp.GetRequiredService<ILogger<TelegramSender>>()));
        services.AddSingleton<BotRunOutcome>();
        services.AddSingleton<UpdateTranslator>();
        services.AddSingleton<OutgoingQueueDispatcher>();
        services.AddSingleton<IOutboxSignal>(sp => sp.GetRequiredService<OutgoingQueueDispatcher>());
        services.AddSingleton<PressedMessageCheck>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<TelegramBotSetup>();
        services.AddSingleton<UpdatePoller>();
        services.AddSingleton<HealthReport>();
        services.AddSingleton<WebhookReceiver>();
        services.AddHostedService(sp => sp.GetRequiredService<OutgoingQueueDispatcher>());

        // Only one of the two receives, by Telegram:Mode; the other returns at once. The receiver is registered
        // after the dispatcher so it stops first: no update is accepted whose replies nobody would send.
        services.AddHostedService(sp => sp.GetRequiredService<UpdatePoller>());
        services.AddHostedService(sp => sp.GetRequiredService<WebhookReceiver>());
        services.AddWhatsAppChannel();

        // Reminders go out through the same queue and sender, so they run only where the channel runs.
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }

    private static KinerjaBotOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KinerjaBotOptions>>().Value;
}
