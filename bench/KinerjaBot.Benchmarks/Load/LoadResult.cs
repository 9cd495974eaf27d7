using System.Globalization;

namespace KinerjaBot.Benchmarks.Load;

/// <summary>What one load run measured, printed as text and as a Markdown table row for bench/README.md.</summary>
public sealed class LoadResult(int units, int indicators, TimeSpan interval, int globalLimit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<double>> _latencies = [];
    private readonly List<string> _order = [];

    public List<string> Problems { get; } = [];

    public List<string> FirstLogLines { get; } = [];

    public int RegisteredOfficials { get; set; }

    public TimeSpan RegistrationTime { get; set; }

    public TimeSpan OpeningDeliveredTime { get; set; }

    public TimeSpan FillTime { get; set; }

    public TimeSpan FillCpu { get; set; }

    public int FillActions { get; set; }

    public TimeSpan VerificationRequestsDeliveredTime { get; set; }

    public int BotMessagesToHeads { get; set; }

    public int ServerRequests { get; set; }

    public long PeakWorkingSet { get; set; }

    public long PeakGcHeap { get; set; }

    public int Gen2Collections { get; set; }

    public long DatabaseBytes { get; set; }

    public long WalBytes { get; set; }

    public long ProcessedUpdates { get; set; }

    public long OutboxTotal { get; set; }

    public long OutboxPending { get; set; }

    public long OutboxFailed { get; set; }

    public long SubmissionValues { get; set; }

    public int Warnings { get; set; }

    public int Errors { get; set; }

    public void Add(string step, TimeSpan latency)
    {
        lock (_gate)
        {
            if (!_latencies.TryGetValue(step, out var list))
            {
                _latencies[step] = list = [];
                _order.Add(step);
            }

            list.Add(latency.TotalMilliseconds);
        }
    }

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var perSecond = FillTime > TimeSpan.Zero ? FillActions / FillTime.TotalSeconds : 0;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Registration: {RegisteredOfficials} officials in {RegistrationTime.TotalSeconds:0.0} s; opening delivered to every unit head {OpeningDeliveredTime.TotalSeconds:0.0} s after /buka."));
        Console.WriteLine(string.Create(c, $"Fill: {FillActions} updates from {units} unit heads in {FillTime.TotalSeconds:0.0} s = {perSecond:0.0} updates/s; process CPU {FillCpu.TotalSeconds:0.0} s ({FillCpu / FillTime / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores)."));
        Console.WriteLine(string.Create(c, $"All verification requests delivered {VerificationRequestsDeliveredTime.TotalSeconds:0.0} s after the fill started."));
        Console.WriteLine();
        Console.WriteLine("| step | n | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        lock (_gate)
        {
            foreach (var step in _order)
            {
                var sorted = _latencies[step].Order().ToList();
                Console.WriteLine(string.Create(c, $"| {step} | {sorted.Count} | {Percentile(sorted, 50):0} | {Percentile(sorted, 95):0} | {Percentile(sorted, 99):0} | {sorted[^1]:0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Peak working set {PeakWorkingSet / 1048576.0:0} MB, peak GC heap {PeakGcHeap / 1048576.0:0} MB, gen2 GCs {Gen2Collections} (driver + fake Telegram + bot, one process)."));
        Console.WriteLine(string.Create(c, $"SQLite: kinerjabot.db {DatabaseBytes / 1024.0:0} KB (+ WAL {WalBytes / 1024.0:0} KB); processed_updates {ProcessedUpdates}, outbox {OutboxTotal} (pending {OutboxPending}, failed {OutboxFailed}), submission_values {SubmissionValues}."));
        Console.WriteLine(string.Create(c, $"Bot messages in unit heads' chats {BotMessagesToHeads}; Bot API requests seen by the server {ServerRequests}."));
        Console.WriteLine(string.Create(c, $"Bot log: {Warnings} warnings, {Errors} errors."));
        foreach (var line in FirstLogLines)
        {
            Console.WriteLine("  " + line);
        }

        Console.WriteLine(Problems.Count == 0 ? "Checks: every question and read-back once and in order, one confirmation per head, one verification request per unit." : $"Checks: {Problems.Count} problem(s):");
        foreach (var problem in Problems.Take(30))
        {
            Console.WriteLine("  " + problem);
        }

        // One row for the README table.
        var turn = Sorted("value → next question");
        var readBack = Sorted("value → read-back");
        Console.WriteLine();
        Console.WriteLine(string.Create(c,
            $"ROW | {interval.TotalMilliseconds:0} ms | {globalLimit}/s | {units}×{indicators} | {FillActions} | {FillTime.TotalSeconds:0.0} s | {perSecond:0.0} | {Percentile(readBack, 50):0} / {Percentile(readBack, 95):0} / {Percentile(readBack, 99):0} | {Percentile(turn, 50):0} / {Percentile(turn, 95):0} / {Percentile(turn, 99):0} | {PeakWorkingSet / 1048576.0:0} MB | {PeakGcHeap / 1048576.0:0} MB | {(DatabaseBytes + WalBytes) / 1024.0:0} KB |"));
    }

    private List<double> Sorted(string step)
    {
        lock (_gate)
        {
            return _latencies.TryGetValue(step, out var list) ? [.. list.Order()] : [];
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(List<double> sorted, int percent)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
