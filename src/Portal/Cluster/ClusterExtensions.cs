using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Health;

namespace Portal.Cluster;

/// <summary>
/// Several nodes on one database: change rows and NOTIFY keep every node's snapshot current, a lease gives one node
/// content/, and scheduled jobs run once per slot across the cluster. On one node (SQLite) the same code runs alone.
/// </summary>
public static class ClusterExtensions
{
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.Section)
            .Validate(o => o.LeaseSeconds is >= 3 and <= 600 && o.PollMilliseconds is >= 100 and <= 60000,
                "Cluster: LeaseSeconds skal være 3-600 og PollMilliseconds 100-60000.")
            .ValidateOnStart();
        services.AddSingleton(sp => NodeIdentity.From(sp.GetRequiredService<IOptions<ClusterOptions>>().Value));
        services.AddSingleton<IInterceptor, ClusterChangeInterceptor>();
        // Replaces the single-node default: the lease is taken before the first import.
        services.AddSingleton(new ContentLease(held: false));
        services.AddSingleton<LeaseStore>();
        services.AddSingleton<ClusterJobs>();
        services.AddSingleton<ContentLeaseKeeper>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentLeaseKeeper>());
        services.AddSingleton<ClusterChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterChangeListener>());
        services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("snapshot", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>Takes the content lease if no other node holds it; the import that follows reads content/ only with it.</summary>
    /// <param name="alongside">
    /// Work that needs no lease (a restart's library from the database), run while the lease is taken: it starts after
    /// the committed changes are marked seen, so it reads every change it is not told about later.
    /// </param>
    /// <returns>What <paramref name="alongside"/> returned.</returns>
    public static async Task<T> JoinClusterAsync<T>(this WebApplication app, Func<Task<T>> alongside)
    {
        var keeper = app.Services.GetRequiredService<ContentLeaseKeeper>();
        var node = app.Services.GetRequiredService<NodeIdentity>();
        await app.Services.GetRequiredService<ClusterChangeListener>().MarkCommittedAsSeenAsync();
        var other = Task.Run(alongside);
        var held = await keeper.TryAcquireAsync();
        app.Logger.LogInformation(held ? "Noden {Node} har indholdslåsen" : "Noden {Node} læser indholdet fra databasen; en anden node har indholdslåsen", node.Name);
        return await other;
    }
}

/// <summary>The node's snapshot age: how long since it last confirmed it holds every committed change.</summary>
internal sealed class SnapshotHealthCheck(ClusterChangeListener listener, ContentCatalog catalog, IOptions<ClusterOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var confirmed = listener.CurrentAt > catalog.Current.BuiltAt ? listener.CurrentAt : catalog.Current.BuiltAt;
        var age = clock.GetUtcNow() - confirmed;
        var data = new Dictionary<string, object> { [HealthExtensions.SnapshotAgeKey] = Math.Round(Math.Max(0, age.TotalSeconds), 1) };
        var limit = options.Value.Poll * 10 + TimeSpan.FromSeconds(5);
        return Task.FromResult(age <= limit
            ? HealthCheckResult.Healthy(data: data)
            : age <= limit * 6 ? HealthCheckResult.Degraded(data: data) : HealthCheckResult.Unhealthy(data: data));
    }
}
