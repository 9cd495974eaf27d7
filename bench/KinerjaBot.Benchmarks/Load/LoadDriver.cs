using System.Diagnostics;
using System.Globalization;
using KinerjaBot.Hosting;
using KinerjaBot.Sandbox;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace KinerjaBot.Benchmarks.Load;

/// <summary>
/// Load driver for a running system (not BenchmarkDotNet): a synthetic office in a temp folder, the sandbox (local
/// Bot API server on 127.0.0.1 + the real bot host + SQLite) started on it, everyone registered, a period opened,
/// then every unit head fills all their indicators at once, each typing the next value as soon as the bot asks.
/// </summary>
/// <remarks>
/// <para>Usage: <c>load [units=50] [indicators=5] [--verifiers=3] [--fast | --interval=hh:mm:ss.fff] [--global-limit=30] [--budget=hh:mm:ss] [--keep]</c>.</para>
/// <para>The driver, the fake Telegram server and the bot share one process, so memory and CPU figures include all three.</para>
/// </remarks>
public static class LoadDriver
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(string[] args)
    {
        var units = 50;
        var indicators = 5;
        var verifiers = 3;
        var interval = TimeSpan.FromSeconds(1);
        var globalLimit = 30;
        var budget = TimeSpan.FromMinutes(5);
        var keep = false;
        var positional = 0;
        foreach (var arg in args.Skip(1))
        {
            if (arg == "--fast")
            {
                interval = TimeSpan.FromMilliseconds(10);
            }
            else if (arg.StartsWith("--interval=", StringComparison.Ordinal))
            {
                interval = TimeSpan.Parse(arg["--interval=".Length..], CultureInfo.InvariantCulture);
            }
            else if (arg.StartsWith("--global-limit=", StringComparison.Ordinal))
            {
                globalLimit = int.Parse(arg["--global-limit=".Length..], CultureInfo.InvariantCulture);
            }
            else if (arg.StartsWith("--verifiers=", StringComparison.Ordinal))
            {
                verifiers = int.Parse(arg["--verifiers=".Length..], CultureInfo.InvariantCulture);
            }
            else if (arg.StartsWith("--budget=", StringComparison.Ordinal))
            {
                budget = TimeSpan.Parse(arg["--budget=".Length..], CultureInfo.InvariantCulture);
            }
            else if (arg == "--keep")
            {
                keep = true;
            }
            else if (positional++ == 0)
            {
                units = int.Parse(arg, CultureInfo.InvariantCulture);
            }
            else
            {
                indicators = int.Parse(arg, CultureInfo.InvariantCulture);
            }
        }

        if (units is < 1 or > 999 || indicators is < 1 or > 9 || verifiers < 1)
        {
            Console.Error.WriteLine("units must be 1-999, indicators 1-9, verifiers at least 1.");
            return 2;
        }

        var root = Path.Combine(Path.GetTempPath(), "kinerjabot-load-" + Guid.NewGuid().ToString("N")[..8]);
        var configDirectory = Path.Combine(root, "config");
        var dataDirectory = Path.Combine(root, "data");
        SyntheticOffice.Write(configDirectory, units, indicators, verifiers);
        Console.WriteLine($"Office: {units} units × {indicators} indicators, {verifiers} verifiers, {units + verifiers + 4} officials; per-chat interval {interval.TotalMilliseconds:0} ms, global limit {globalLimit}/s; budget {budget}.");
        Console.WriteLine($"Folder: {root}");

        using var stop = new CancellationTokenSource(budget);
        var logs = new CountingLoggerProvider();
        using var sampler = new MemorySampler();
        var result = new LoadResult(units, indicators, interval, globalLimit);
        try
        {
            await using var sandbox = await SandboxRunner.StartAsync(
                [
                    $"--KinerjaBot:ConfigDirectory={configDirectory}",
                    $"--KinerjaBot:DataDirectory={dataDirectory}",
                    "--Sandbox:Port=0",
                    $"--Telegram:Sender:PerChatInterval={interval.ToString("c", CultureInfo.InvariantCulture)}",
                    $"--Telegram:Sender:GlobalLimit={globalLimit}",
                ],
                builder =>
                {
                    builder.Logging.ClearProviders();
                    builder.Logging.AddProvider(logs);
                },
                stop.Token);
            if (!sandbox.Server.BaseUrl.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The sandbox listens on {sandbox.Server.BaseUrl}, not 127.0.0.1.");
            }

            await sandbox.Server.WaitForLongPollAsync(StepTimeout, stop.Token);
            await RunPhasesAsync(sandbox, units, indicators, verifiers, result, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            result.Problems.Add($"Run stopped early: {e.GetType().Name}: {FirstLine(e.Message)}");
        }

        // The host is stopped and disposed here, so the database file is final (WAL checkpointed on close).
        var database = Path.Combine(dataDirectory, "kinerjabot.db");
        result.DatabaseBytes = FileSize(database);
        result.WalBytes = FileSize(database + "-wal");
        ReadDatabase(database, result);
        result.PeakWorkingSet = sampler.PeakWorkingSet;
        result.PeakGcHeap = sampler.PeakGcHeap;
        result.Gen2Collections = GC.CollectionCount(2);
        result.Warnings = logs.Warnings;
        result.Errors = logs.Errors;
        result.FirstLogLines.AddRange(logs.First);
        result.Print();
        if (!keep)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return result.Problems.Count == 0 && result.Errors == 0 ? 0 : 1;
    }

    private static async Task RunPhasesAsync(SandboxRunner sandbox, int units, int indicators, int verifiers, LoadResult result, CancellationToken stop)
    {
        var office = sandbox.Office;

        // 1. Everyone registers at once: /start, then the contact button.
        var registration = Stopwatch.StartNew();
        await Task.WhenAll(office.Officials.Select(async official =>
        {
            var user = sandbox.Official(official.Id);
            var clock = Stopwatch.StartNew();
            await user.SendTextAsync("/start", stop);
            await user.WaitForReplyAsync(m => m.ReplyKeyboard?.Buttons.Any(b => b.RequestContact) == true, StepTimeout, stop);
            result.Add("register /start", clock.Elapsed);
            clock.Restart();
            await user.ShareContactAsync(stop);
            await user.WaitForReplyAsync(m => m.Content.Contains("terdaftar sebagai", StringComparison.Ordinal), StepTimeout, stop);
            result.Add("register contact", clock.Elapsed);
        }));
        result.RegistrationTime = registration.Elapsed;
        result.RegisteredOfficials = office.Officials.Count;

        // 2. The operator opens the period; every unit head gets "Mulai isi".
        var operatorUser = sandbox.Official(SyntheticOffice.OperatorId);
        var opening = Stopwatch.StartNew();
        await operatorUser.SendTextAsync($"/buka {SyntheticOffice.PeriodId}", stop);
        await operatorUser.WaitForReplyAsync(_ => true, StepTimeout, stop);
        result.Add("/buka reply", opening.Elapsed);
        var heads = Enumerable.Range(1, units).Select(u => (Unit: u, User: sandbox.Official(SyntheticOffice.UnitHeadId(u)))).ToList();
        await Task.WhenAll(heads.Select(h => h.User.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, StepTimeout, stop)));
        result.OpeningDeliveredTime = opening.Elapsed;

        // 3. Every unit head fills at once, each typing the next value as soon as the bot asks for it.
        var before = ProcessedSnapshot.Take();
        var fill = Stopwatch.StartNew();
        var actions = 0;
        await Task.WhenAll(heads.Select(h => Task.Run(
            async () =>
            {
                var user = h.User;
                var clock = Stopwatch.StartNew();
                await user.PressButtonAsync("Mulai isi", stop);
                Interlocked.Increment(ref actions);
                await user.WaitForReplyAsync(m => m.Content.Contains($"Indikator 1 dari {indicators}", StringComparison.Ordinal), StepTimeout, stop);
                result.Add("Mulai isi → 1st question", clock.Elapsed);
                for (var i = 1; i <= indicators; i++)
                {
                    var code = SyntheticOffice.IndicatorCode(h.Unit, i);
                    var value = (SyntheticOffice.Target - ((h.Unit + i) % 20)).ToString(CultureInfo.InvariantCulture) + ",5";
                    clock.Restart();
                    await user.SendTextAsync(value, stop);
                    Interlocked.Increment(ref actions);
                    await user.WaitForReplyAsync(m => m.Content.Contains($"Tercatat: {code} =", StringComparison.Ordinal), StepTimeout, stop);
                    result.Add("value → read-back", clock.Elapsed);
                    var next = i < indicators ? $"Indikator {i + 1} dari {indicators}" : null;
                    await user.WaitForReplyAsync(
                        m => next is null ? m.FindButton("Kirim") is not null : m.Content.Contains(next, StringComparison.Ordinal), StepTimeout, stop);
                    result.Add(next is null ? "value → summary" : "value → next question", clock.Elapsed);
                }

                clock.Restart();
                await user.PressButtonAsync("Kirim", stop);
                Interlocked.Increment(ref actions);
                await user.WaitForReplyAsync(m => m.Content.Contains("untuk diverifikasi", StringComparison.Ordinal) && m.Content.StartsWith("Terima kasih", StringComparison.Ordinal), StepTimeout, stop);
                result.Add("Kirim → confirmation", clock.Elapsed);
            },
            stop)));
        result.FillTime = fill.Elapsed;
        result.FillActions = actions;
        result.FillCpu = ProcessedSnapshot.Take() - before;

        // 4. The verifiers' requests follow on their own lanes; wait (bounded) until each unit's arrived.
        var verifierChats = Enumerable.Range(1, verifiers).Select(v => sandbox.Official(SyntheticOffice.VerifierId(v))).ToList();
        int Requests() => verifierChats.Sum(v => v.Messages.Count(m => m.Sender == ChatMessageSender.Bot && m.Content.Contains("Verifikasi data Seksi Uji", StringComparison.Ordinal)));
        while (Requests() < units && fill.Elapsed < result.FillTime + StepTimeout)
        {
            await Task.Delay(100, stop);
        }

        result.VerificationRequestsDeliveredTime = fill.Elapsed;

        // Let anything still queued (duplicates would show here) arrive before checking the transcripts.
        await Task.Delay(TimeSpan.FromSeconds(3), stop);
        Check(sandbox, heads, verifierChats, indicators, result);
        if (Environment.GetEnvironmentVariable("KINERJABOT_LOAD_TRANSCRIPT") is { Length: > 0 } transcriptFile)
        {
            // Every official's chat with server timestamps, for looking into a surprising number.
            await File.WriteAllLinesAsync(transcriptFile, office.Officials.SelectMany(o =>
                sandbox.Official(o.Id).Messages.Select(m => $"{o.Id} {m.Date:HH:mm:ss.fff} v{m.Version} {m.ToString().Replace('\n', ' ')}")), CancellationToken.None);
        }
    }

    /// <summary>Each head's transcript: every question and read-back exactly once, in order; each unit verified once.</summary>
    private static void Check(SandboxRunner sandbox, List<(int Unit, SimulatedUser User)> heads, List<SimulatedUser> verifierChats, int indicators, LoadResult result)
    {
        foreach (var (unit, user) in heads)
        {
            var bot = user.Messages.Where(m => m.Sender == ChatMessageSender.Bot).OrderBy(m => m.MessageId).Select(m => m.Content).ToList();
            var expected = new List<string>();
            for (var i = 1; i <= indicators; i++)
            {
                expected.Add($"Indikator {i} dari {indicators}");
                expected.Add($"Tercatat: {SyntheticOffice.IndicatorCode(unit, i)} =");
            }

            var seen = bot.Select(text => expected.FirstOrDefault(e => text.Contains(e, StringComparison.Ordinal))).Where(e => e is not null).ToList();
            if (!seen.SequenceEqual(expected))
            {
                result.Problems.Add($"{SyntheticOffice.UnitHeadId(unit)}: questions/read-backs were [{string.Join(" | ", seen)}], expected each once in order");
            }

            var confirmations = bot.Count(t => t.StartsWith("Terima kasih", StringComparison.Ordinal) && t.Contains("untuk diverifikasi", StringComparison.Ordinal));
            if (confirmations != 1)
            {
                result.Problems.Add($"{SyntheticOffice.UnitHeadId(unit)}: {confirmations} submit confirmations");
            }

            var unexpected = bot.Where(t => t.Contains("Maaf", StringComparison.Ordinal) || t.Contains("tidak berlaku", StringComparison.Ordinal) || t.Contains("kesalahan", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var text in unexpected)
            {
                result.Problems.Add($"{SyntheticOffice.UnitHeadId(unit)}: unexpected reply \"{FirstLine(text)}\"");
            }

            result.BotMessagesToHeads += bot.Count;
        }

        foreach (var (unit, _) in heads)
        {
            var name = $"Verifikasi data Seksi Uji {unit} —";
            var count = verifierChats.Sum(v => v.Messages.Count(m => m.Sender == ChatMessageSender.Bot && m.Content.Contains(name, StringComparison.Ordinal)));
            if (count != 1)
            {
                result.Problems.Add($"unit {unit}: {count} verification requests reached its verifier (expected 1)");
            }
        }

        result.ServerRequests = sandbox.Server.RequestLog.Count;
    }

    private static void ReadDatabase(string path, LoadResult result)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        result.ProcessedUpdates = Scalar("SELECT COUNT(*) FROM processed_updates");
        result.OutboxTotal = Scalar("SELECT COUNT(*) FROM outbox");
        result.OutboxPending = Scalar("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL");
        result.OutboxFailed = Scalar("SELECT COUNT(*) FROM outbox WHERE failed_at IS NOT NULL");
        result.SubmissionValues = Scalar("SELECT COUNT(*) FROM submission_values");
    }

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static string FirstLine(string text) => text.Split('\n')[0];

    /// <summary>CPU time of this process, to see how busy the two cores were during the fill.</summary>
    private readonly record struct ProcessedSnapshot(TimeSpan Cpu)
    {
        public static ProcessedSnapshot Take()
        {
            using var process = Process.GetCurrentProcess();
            return new ProcessedSnapshot(process.TotalProcessorTime);
        }

        public static TimeSpan operator -(ProcessedSnapshot a, ProcessedSnapshot b) => a.Cpu - b.Cpu;
    }
}
