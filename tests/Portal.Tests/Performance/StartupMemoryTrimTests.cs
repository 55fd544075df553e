using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Health;
using Portal.Performance;

namespace Portal.Tests.Performance;

/// <summary>The one collection after start-up: after the tracked start-up work, never under a test server, and switchable off.</summary>
public class StartupMemoryTrimTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed class FakeServer(params string[] addresses) : IServer
    {
        public IFeatureCollection Features { get; } = Create(addresses);

        private static FeatureCollection Create(string[] addresses)
        {
            var features = new FeatureCollection();
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }
            features.Set<IServerAddressesFeature>(feature);
            return features;
        }

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static IConfiguration Config(bool? enabled = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(enabled is null ? [] : [new(StartupMemoryTrim.EnabledKey, enabled.Value ? "true" : "false")]).Build();

    private static StartupWarmUp WarmUp(params string[] addresses) =>
        new(new FakeServer(addresses), Config(), NullLogger<StartupWarmUp>.Instance);

    [Fact]
    public async Task ListeningServer_TrimsOnlyAfterTheTrackedStartupWork_EvenWhenItFailed()
    {
        // Nothing answers on port 1: the warm-up gives up at once, but the server does listen on an address of its own.
        var warmUp = WarmUp("http://127.0.0.1:1");
        var compare = new TaskCompletionSource();
        var index = new TaskCompletionSource();
        warmUp.Track(compare.Task);
        warmUp.Track(index.Task);
        var trim = new StartupMemoryTrim(warmUp, Config(), NullLogger<StartupMemoryTrim>.Instance).TrimAsync(Token);

        await warmUp.RunAsync(Token);
        Assert.True(warmUp.Listening);
        await Task.Delay(100, Token);
        Assert.False(trim.IsCompleted);

        compare.SetResult();
        await Task.Delay(100, Token);
        Assert.False(trim.IsCompleted);

        index.SetException(new InvalidOperationException("Søgeindekset kunne ikke bygges"));
        Assert.True(await trim.WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task TestServer_WithoutAddresses_IsNotTrimmed()
    {
        var warmUp = WarmUp();
        warmUp.Track(new TaskCompletionSource().Task); // would never end: the trim must not wait for it

        await warmUp.RunAsync(Token);

        Assert.False(warmUp.Listening);
        Assert.False(await new StartupMemoryTrim(warmUp, Config(), NullLogger<StartupMemoryTrim>.Instance).TrimAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token));
    }

    [Fact]
    public async Task SwitchedOff_DoesNotWaitOrTrim()
    {
        var warmUp = WarmUp("http://127.0.0.1:1"); // never run: Done stays pending

        Assert.False(await new StartupMemoryTrim(warmUp, Config(enabled: false), NullLogger<StartupMemoryTrim>.Instance).TrimAsync(Token).WaitAsync(TimeSpan.FromSeconds(30), Token));
    }
}
