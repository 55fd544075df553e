namespace Portal.Cluster;

public sealed class ClusterOptions
{
    public const string Section = "Cluster";

    /// <summary>This node's name in leases and change rows; default machine name and process id.</summary>
    public string? NodeName { get; set; }

    /// <summary>How long the content lease lasts without renewal; another node takes over after at most this.</summary>
    public int LeaseSeconds { get; set; } = 20;

    /// <summary>How often a node looks for other nodes' changes when no notification arrives (the fallback, and SQLite).</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Poll => TimeSpan.FromMilliseconds(PollMilliseconds);
}

/// <summary>The name this process has in the cluster.</summary>
public sealed class NodeIdentity(string name)
{
    public string Name { get; } = name;

    public static NodeIdentity From(ClusterOptions options) =>
        new(string.IsNullOrWhiteSpace(options.NodeName) ? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}" : options.NodeName.Trim());
}
