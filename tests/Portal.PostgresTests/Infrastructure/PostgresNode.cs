using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests.Infrastructure;

/// <summary>A whole portal node in memory on a PostgreSQL database; two of them on one database are two nodes of a cluster.</summary>
public sealed class PostgresNode(string connectionString, TestContentDirectory content, string nodeName,
    IEnumerable<KeyValuePair<string, string>>? settings = null) : PortalFactory(content)
{
    public string NodeName { get; } = nodeName;

    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Database:Provider", "PostgreSql"),
        new("ConnectionStrings:Portal", connectionString),
        new("Cluster:NodeName", NodeName),
        new("Cluster:LeaseSeconds", "3"),
        new("Cluster:PollMilliseconds", "500"),
        new("Content:WatchFiles", "false"),
        .. settings ?? [],
    ];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts the node (migration, lease, import) before the first request.</summary>
    public PostgresNode Start()
    {
        _ = Server;
        return this;
    }
}
