using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Data;

/// <summary>
/// Per-connection SQLite settings: after a checkpoint the WAL file is cut back to 64 MB at most (without this limit it
/// keeps the size of its largest burst), and a writer waits for a lock instead of failing at once.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    private const string Sql = "PRAGMA journal_size_limit=67108864; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }
}
