using System.Diagnostics;

namespace Portal.PostgresTests.Infrastructure;

/// <summary>Waits for a condition another node brings about, up to a deadline the requirement sets (not a retry of the test).</summary>
public static class Eventually
{
    public static async Task<TimeSpan> WithinAsync(TimeSpan limit, Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (await condition())
            {
                return watch.Elapsed;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new Xunit.Sdk.XunitException($"{what}: ikke sket inden for {limit.TotalSeconds} s");
    }
}
