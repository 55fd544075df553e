using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Cluster;
using Portal.Data;
using Portal.Health;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>What a restart does first: answer its own first request, and not rebuild for changes its first build holds.</summary>
public class StartupOrderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:5199", "http://127.0.0.1:5199/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000/")]
    [InlineData("https://[::]:8443", "https://[::1]:8443/")]
    [InlineData("https://handicap.kommune.dk:443", "https://handicap.kommune.dk/")]
    public void LoopbackOf_AListeningAddress_IsWhereTheServerCanReachItself(string listening, string expected) =>
        Assert.Equal(expected, StartupWarmUp.LoopbackOf(listening)?.ToString());

    [Theory]
    [InlineData("handicap.kommune.dk;intra.kommune.dk", "handicap.kommune.dk")]
    [InlineData("*.kommune.dk;handicap.kommune.dk", "handicap.kommune.dk")]
    [InlineData("*", null)]
    [InlineData("handicap.kommune.dk;*", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void HostNameFor_AllowedHosts_IsAHostTheServerAnswers(string? allowed, string? expected) =>
        Assert.Equal(expected, StartupWarmUp.HostNameFor(allowed));

    [Theory]
    [InlineData("http://unix:/run/handicap.sock")]
    [InlineData("ftp://127.0.0.1:21")]
    public void LoopbackOf_NoTcpHttpAddress_IsNull(string listening) => Assert.Null(StartupWarmUp.LoopbackOf(listening));

    /// <summary>A real Kestrel on a free loopback port, set up by the caller; stopped and disposed with it.</summary>
    private sealed class RealServer(WebApplication app) : IAsyncDisposable
    {
        public IServer Server => app.Services.GetRequiredService<IServer>();

        public Microsoft.Extensions.Configuration.IConfiguration Configuration => app.Configuration;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(Token);
            await app.DisposeAsync();
        }
    }

    private static async Task<RealServer> StartRealServerAsync(Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        configure(app);
        await app.StartAsync(Token);
        return new RealServer(app);
    }

    [Fact]
    public async Task RealServer_AnswersItsOwnWarmUpRequests_BeforeDoneCompletes()
    {
        var asked = new List<string>();
        await using var server = await StartRealServerAsync(app =>
        {
            app.Use(async (context, next) =>
            {
                lock (asked)
                {
                    asked.Add(context.Request.Path);
                }
                await next();
            });
            app.MapGet("/health/live", () => "Healthy");
            app.MapGet("/konto/log-ind", () => "Log ind");
        });
        var log = new ListLogger();
        var warmUp = new StartupWarmUp(server.Server, server.Configuration, log);
        Assert.False(warmUp.Done.IsCompleted);

        await warmUp.RunAsync(Token);

        Assert.True(warmUp.Done.IsCompletedSuccessfully);
        Assert.Equal(["/health/live", "/konto/log-ind"], asked);
        Assert.Contains(log.Lines, l => l.Contains("(200, 200)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerThatDoesNotAnswer_StillCompletesDone()
    {
        await using var server = await StartRealServerAsync(app => app.Run(_ => throw new InvalidOperationException("nede")));
        var warmUp = new StartupWarmUp(server.Server, server.Configuration, NullLogger<StartupWarmUp>.Instance);
        await warmUp.RunAsync(Token);
        Assert.True(warmUp.Done.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Portal_UnderATestServer_IsWarmAtOnce_AndBuildsItsSearchIndex()
    {
        await using var factory = new PortalFactory();
        factory.CreateClient();

        await factory.Services.GetRequiredService<StartupWarmUp>().Done.WaitAsync(TimeSpan.FromSeconds(10), Token);
        var search = factory.Services.GetRequiredService<Portal.Search.SearchService>();
        await search.Idle.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.True(search.HasIndex);
    }

    [Fact]
    public async Task ChangesCommittedBeforeTheFirstBuild_AreSeen_ButALaterOneFromAnotherNodeRebuilds()
    {
        await using var factory = new PortalFactory();
        factory.CreateClient();
        var listener = factory.Services.GetRequiredService<ClusterChangeListener>();
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var clock = factory.Services.GetRequiredService<TimeProvider>();
        async Task AddChangeAsync(string node)
        {
            await using var db = await dbFactory.CreateDbContextAsync(Token);
            db.ClusterChanges.Add(new ClusterChange { Node = node, At = clock.GetUtcNow() });
            await db.SaveChangesAsync(Token);
        }
        await listener.CheckAsync(Token);
        var before = listener.Rebuilds;

        await AddChangeAsync("den-forrige-proces");
        await listener.MarkCommittedAsSeenAsync(Token);
        await listener.CheckAsync(Token);
        Assert.Equal(before, listener.Rebuilds);

        await AddChangeAsync("en-anden-node");
        await listener.CheckAsync(Token);
        Assert.Equal(before + 1, listener.Rebuilds);
    }
}

internal sealed class ListLogger : ILogger<StartupWarmUp>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
}
