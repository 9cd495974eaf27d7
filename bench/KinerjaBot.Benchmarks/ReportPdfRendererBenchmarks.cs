using BenchmarkDotNet.Attributes;
using KinerjaBot.Reports.Pdf;
using KinerjaBot.Tests.Reports.Pdf;

namespace KinerjaBot.Benchmarks;

/// <summary>Warm rendering of the "Data Kinerja" PDF: one renderer reused, as the host does.</summary>
[MemoryDiagnoser]
public class ReportPdfRendererBenchmarks
{
    private ReportPdfRenderer _renderer = null!;
    private ReportDocumentModel _model = null!;

    [Params(20, 200)]
    public int Indicators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _renderer = new ReportPdfRenderer();
        _model = ReportSamples.Create(Indicators);
        _renderer.Render(_model); // warm fonts and glyph caches
    }

    [Benchmark]
    public int Render() => _renderer.Render(_model).Length;
}
