using System.Runtime;

namespace Portal.Performance;

/// <summary>
/// A burst of allocation that nearly all stays alive: a restart's library (every document, its metadata and its
/// UTF-8 body, built on both cores). Collections in the middle of it find almost nothing to free and copy what survives
/// from generation to generation; without a collection until the burst is over, that copying is done once, by
/// <see cref="StartupMemoryTrim"/>'s compacting collection after start. The memory is asked for up front; when the
/// runtime cannot promise it (the size beyond what it allows, or a region already open) the burst runs as before.
/// </summary>
internal sealed class AllocationBurst : IDisposable
{
    private AllocationBurst(bool held) => Held = held;

    /// <summary>Whether the collector was held for this burst; for logs and tests.</summary>
    public bool Held { get; }

    public static AllocationBurst Begin(long bytes)
    {
        try
        {
            return new AllocationBurst(GC.TryStartNoGCRegion(bytes));
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException)
        {
            return new AllocationBurst(false);
        }
    }

    public void Dispose()
    {
        // Allocating more than was asked for ends the region by itself (a collection runs); ending it then would throw.
        if (Held && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }
    }
}
