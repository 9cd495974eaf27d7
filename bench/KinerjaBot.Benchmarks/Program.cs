using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using KinerjaBot.Benchmarks;
using KinerjaBot.Benchmarks.Load;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;

// "load [units] [indicators] [options]" drives the running bot in the sandbox (see bench/README.md).
if (args.Length >= 1 && args[0] == "load")
{
    return await LoadDriver.RunAsync(args);
}

// "sample <path> [indicators] [parafs] [logo.png]" writes one report for a person to look at; anything else runs the benchmarks.
if (args.Length >= 2 && args[0] == "sample")
{
    var rows = args.Length >= 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 40;
    var parafs = args.Length >= 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 2;
    var model = ReportSamples.Create(rows, parafs);
    if (args.Length >= 5)
    {
        model = model with { Letterhead = model.Letterhead with { LogoPath = args[4] } };
    }

    File.WriteAllBytes(args[1], new ReportPdfRenderer().Render(model));
    Console.WriteLine($"Wrote {args[1]}");
    return 0;
}

var config = DefaultConfig.Instance.AddColumn(StatisticColumn.P95, StatisticColumn.Max, new P99Column());
BenchmarkSwitcher.FromAssembly(typeof(ReportPdfRendererBenchmarks).Assembly).Run(args, config);
return 0;
