using Npgsql;

namespace Portal.PostgresTests.Infrastructure;

/// <summary>
/// The PostgreSQL server scripts/test.sh starts (PORTAL_TEST_POSTGRES). Without it every test here fails with the
/// reason: PostgreSQL tests never skip.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "PORTAL_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} er ikke sat. PostgreSQL-testene kører mod en rigtig server: kør scripts/test.sh, som installerer PostgreSQL og starter en midlertidig klynge.");

    /// <summary>A fresh empty database on the test server; its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "portal_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }
}
