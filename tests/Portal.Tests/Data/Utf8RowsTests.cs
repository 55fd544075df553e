using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Content;
using Portal.Data;

namespace Portal.Tests.Data;

/// <summary>
/// A restart reads texts and parse-cache entries as UTF-8 (<see cref="Utf8Rows"/>): the bytes must be those of the
/// stored strings, whatever the letters, and a database made as UTF-16 must not hand over its own bytes.
/// </summary>
public class Utf8RowsTests
{
    private const string Text = "Æble, øre og å — “citat”, hårdt\u00A0mellemrum, emoji 🙂 og 𝔘 (uden for BMP).";

    [Theory]
    [InlineData(null)]
    [InlineData("UTF-16le")]
    public async Task ParseCacheEntries_AreReadAsTheUtf8OfTheStoredText_InAUtf8AndAUtf16Database(string? encoding)
    {
        var path = Path.Combine(Path.GetTempPath(), $"handicap-utf8-{Guid.NewGuid():N}.db");
        try
        {
            if (encoding is not null)
            {
                // The encoding is fixed by the first write, so it is set before the tables are made.
                await using var connection = new SqliteConnection($"Data Source={path}");
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA encoding = '{encoding}'; CREATE TABLE x (y); DROP TABLE x;";
                await pragma.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={path}").Options;
            var factory = new PooledDbContextFactory<PortalDbContext>(options);
            await using (var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken))
            {
                await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
                await using var check = db.Database.GetDbConnection().CreateCommand();
                await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                check.CommandText = "PRAGMA encoding";
                Assert.Equal(encoding ?? "UTF-8", (string)(await check.ExecuteScalarAsync(TestContext.Current.CancellationToken))!, ignoreCase: true);
                db.ParsedDocuments.Add(new ParsedDocumentEntry { Slug = "a/æøå", ContentHash = "h1", Stamp = "s", Metadata = Text, Html = "" });
                db.ParsedDocuments.Add(new ParsedDocumentEntry { Slug = "b", ContentHash = "h2", Stamp = "s", Metadata = "", Html = "" });
                db.ParsedDocuments.Add(new ParsedDocumentEntry { Slug = "c", ContentHash = "h3", Stamp = "other", Metadata = "x", Html = "" });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }

            var cache = new ParseCache(factory, NullLogger<ParseCache>.Instance);
            var all = await cache.LoadAsync("s", null, TestContext.Current.CancellationToken);
            var some = await cache.LoadAsync("s", ["a/æøå"], TestContext.Current.CancellationToken);

            Assert.Equal(["a/æøå", "b"], all.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Text), all["a/æøå"].Metadata);
            Assert.Equal("h1", all["a/æøå"].Hash);
            Assert.Empty(all["b"].Metadata);
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(Text), Assert.Single(some).Value.Metadata);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
