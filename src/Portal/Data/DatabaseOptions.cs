using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>Which database the portal runs on: embedded SQLite (one node) or PostgreSQL (one or more nodes).</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    public string Provider { get; set; } = Sqlite;

    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options for one provider, shared by the host, the design-time factory and the tests.</summary>
    public static void Configure(DbContextOptionsBuilder builder, bool postgreSql, string connectionString)
    {
        if (postgreSql)
        {
            builder.UseNpgsql(connectionString);
        }
        else
        {
            builder.UseSqlite(connectionString);
        }
    }
}
