using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Portal.Data;

/// <summary>
/// Reads a query's rows with one text column as UTF-8 bytes. SQLite stores text as UTF-8 and hands the bytes over
/// as they are, so a restart's 10,000 document texts and parse-cache entries are not decoded into UTF-16 strings
/// only to be encoded back (the texts are held as UTF-8, the JSON is read from UTF-8): about 200 MB less garbage, and
/// its collections, on the start's critical path. Other providers' strings are encoded.
/// </summary>
public static class Utf8Rows
{
    /// <summary>
    /// Runs <paramref name="query"/> (a projection whose columns are, in order, text columns read as strings and then
    /// one read as UTF-8 at <paramref name="utf8Ordinal"/>) and hands each row to <paramref name="row"/>.
    /// </summary>
    public static async Task ReadAsync<T>(DbContext db, IQueryable<T> query, int utf8Ordinal, Action<DbDataReader, byte[]> row, CancellationToken cancellationToken)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var sqlite = command is Microsoft.Data.Sqlite.SqliteCommand && await StoresUtf8Async(command.Connection!, cancellationToken);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                // SQLite's blob read of a text value is its stored UTF-8 (the database's encoding, UTF-8 by default).
                var bytes = sqlite ? reader.GetFieldValue<byte[]>(utf8Ordinal) : System.Text.Encoding.UTF8.GetBytes(reader.GetString(utf8Ordinal));
                row(reader, bytes);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // A database made as UTF-16 (PRAGMA encoding, fixed when it is created) would hand over UTF-16 bytes: then strings.
    private static async Task<bool> StoresUtf8Async(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA encoding";
        return await pragma.ExecuteScalarAsync(cancellationToken) is string encoding && encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase);
    }
}
