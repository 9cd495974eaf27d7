using System.Diagnostics;

namespace KinerjaBot.Benchmarks.Load;

/// <summary>Samples the process's working set and the GC heap every 50 ms and keeps the peaks.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Lock _gate = new();
    private long _peakWorkingSet;
    private long _peakGcHeap;

    public MemorySampler()
    {
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public long PeakWorkingSet
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakWorkingSet);
        }
    }

    public long PeakGcHeap
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peakGcHeap);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _process.Dispose();
    }

    private void Sample()
    {
        lock (_gate)
        {
            _process.Refresh();
            _peakWorkingSet = Math.Max(_peakWorkingSet, _process.WorkingSet64);

            // The heap including garbage not yet collected: what the GC had to hold at that moment.
            _peakGcHeap = Math.Max(_peakGcHeap, Math.Max(GC.GetTotalMemory(false), GC.GetGCMemoryInfo().HeapSizeBytes));
        }
    }
}
