using System.Runtime;
using Portal.Performance;

namespace Portal.Tests.Performance;

/// <summary>The restart's hold on the collector (<see cref="AllocationBurst"/>) ends safely however the burst went.</summary>
public class AllocationBurstTests
{
    [Fact]
    public void Burst_EndsTheHold_AndAllocatingBeyondItsSizeNeitherThrowsNorLeavesItOpen()
    {
        // The hold is process-wide and other tests allocate beside this one: only what holds whatever they do is asserted.
        using (var burst = AllocationBurst.Begin(8L * 1024 * 1024))
        {
            var kept = new List<byte[]>();
            for (var i = 0; i < 64; i++)
            {
                kept.Add(new byte[1024 * 1024]); // 64 MB: past what was asked for, so the runtime ends the hold itself
            }
            Assert.Equal(64, kept.Count);
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            burst.Dispose(); // ending an hold the runtime already ended must not throw
        }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void SecondBurst_WhileOneIsHeld_IsNotHeld_AndItsEndLeavesTheFirst()
    {
        using var first = AllocationBurst.Begin(64L * 1024 * 1024);
        using (var second = AllocationBurst.Begin(1024 * 1024))
        {
            if (first.Held && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                Assert.False(second.Held);
            }
        }
        first.Dispose();
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
