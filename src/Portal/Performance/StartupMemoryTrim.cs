using System.Runtime;
using Portal.Health;

namespace Portal.Performance;

/// <summary>
/// Gives the start-up's peak back to the operating system. Building the library and the first search index holds every
/// text, its parse-cache entry and its analysis at once; afterwards the garbage collector keeps the memory it grew to
/// (≈ 800 MB resident with 10,000 documents for ≈ 275 MB alive). One compacting, decommitting collection once that work
/// is over (<see cref="StartupWarmUp.Track"/>: the comparison with content/, the first search index) brings the process
/// down to what it uses. It runs once, in the background, on a server that is already answering: the pause (about
/// 200 ms with 10,000 documents) comes before the load of a working day. Off with <c>Performance:TrimAfterStart=false</c>.
/// </summary>
internal sealed class StartupMemoryTrim(StartupWarmUp warmUp, IConfiguration configuration, ILogger<StartupMemoryTrim> logger) : BackgroundService
{
    public const string EnabledKey = "Performance:TrimAfterStart";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => TrimAsync(stoppingToken);

    /// <summary>Waits for the start-up work, then collects once; false when it did not (off, or a test server).</summary>
    internal async Task<bool> TrimAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(EnabledKey, true))
        {
            return false;
        }
        await warmUp.Done.WaitAsync(stoppingToken);
        if (!warmUp.Listening)
        {
            return false; // a test server: its start-up holds no library worth trimming, and test runs start many
        }
        await warmUp.BackgroundDone().WaitAsync(stoppingToken);
        var before = Environment.WorkingSet;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        logger.LogInformation("Hukommelse efter start ryddet på {Ms} ms: {Before} MB → {After} MB i arbejdssæt",
            (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, before >> 20, Environment.WorkingSet >> 20);
        return true;
    }
}
