using System.Runtime.CompilerServices;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// bUnit's WaitFor* calls block a pool thread while the renderer needs another: on a 2-core CI machine with
/// tests in parallel the default minimum (one per core) starves the dispatcher. Start with more threads.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 8), io);
        // The default one-second wait is too short when the whole suite shares two cores with the browser tests.
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }
}
