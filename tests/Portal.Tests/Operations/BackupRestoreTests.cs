using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Editing;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Operations;

/// <summary>scripts/backup.sh and scripts/restore.sh for real: back up a running portal, restore into empty folders, start again.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // the scripts are bash; the file modes are Unix
public sealed class BackupRestoreTests : IDisposable
{
    private static readonly UserProfile Anne = new("demo:koordinator", "Anne Andersen", "anne@test.example");
    private readonly string _work = Path.Combine(Path.GetTempPath(), "handicap-backup-" + Guid.NewGuid().ToString("N")[..12]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backup_ThenRestoreIntoEmptyFolders_StartsWithEveryDocumentVersionAndSetting()
    {
        var dbPath = Path.Combine(_work, "live", "handicapportalen.db");
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        using var content = TestContentDirectory.FromFixture();
        List<(string Slug, int Number, string Content)> before;
        string roster;
        await using (var live = new FileFactory(content, dbPath))
        {
            _ = live.Server; // starts: migrates and imports
            var editor = live.Services.GetRequiredService<DocumentEditor>();
            var doc = (await editor.LoadAsync("arbejdsgange/01-opstart/meddelelse-af-afslag", Ct))!;
            var saved = await editor.SaveAsync(new SaveRequest(doc.Slug, doc.Latest.Content + "\nEn ændring før backup.\n", doc.Stamp, "Før backup", true), Anne, Ct);
            Assert.True(saved.Succeeded, saved.Message);
            before = await VersionsAsync(live.Services);
            roster = await File.ReadAllTextAsync(Path.Combine(content.Path, "tovholdere.yml"), Ct);

            // Online: the portal is still running while the backup is taken.
            var backup = await RunAsync("backup.sh", [Path.Combine(_work, "backup")], dbPath, content.Path);
            Assert.True(backup.ExitCode == 0, backup.Output);
            Assert.Contains("Backup gemt", backup.Output);
        }

        var restoredDb = Path.Combine(_work, "restored", "data", "handicapportalen.db");
        var restoredContent = Path.Combine(_work, "restored", "content");
        var restore = await RunAsync("restore.sh", [Path.Combine(_work, "backup")], restoredDb, restoredContent);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(restoredDb));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(_work, "backup", "handicapportalen.db")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead));

        await using var restored = new FileFactory(TestContentDirectory.Existing(restoredContent), restoredDb);
        _ = restored.Server;
        Assert.Equal(before, await VersionsAsync(restored.Services));
        Assert.Equal(roster, await File.ReadAllTextAsync(Path.Combine(restoredContent, "tovholdere.yml"), Ct));
        var snapshot = restored.Services.GetRequiredService<ContentCatalog>().Current;
        Assert.Contains("En ændring før backup.", snapshot.Find("arbejdsgange/01-opstart/meddelelse-af-afslag")!.Html);
    }

    [Fact]
    public async Task Restore_OverAnExistingDatabase_IsRefusedWithoutOverskriv_AndNeverDeletesIt()
    {
        var backup = Path.Combine(_work, "not-a-backup");
        Directory.CreateDirectory(backup);
        var refused = await RunAsync("restore.sh", [backup], Path.Combine(_work, "x.db"), Path.Combine(_work, "c"));
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("er ikke en backup", refused.Output);

        var db = Path.Combine(_work, "live.db");
        await File.WriteAllTextAsync(db, "eksisterende", Ct);
        Directory.CreateDirectory(Path.Combine(backup, "content"));
        var sqlite = await RunProcessAsync("sqlite3", [Path.Combine(backup, "handicapportalen.db"), "CREATE TABLE Documents(Id INTEGER);"]);
        Assert.True(sqlite.ExitCode == 0, sqlite.Output);

        var again = await RunAsync("restore.sh", [backup], db, Path.Combine(_work, "c"));

        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("--overskriv", again.Output);
        Assert.Equal("eksisterende", await File.ReadAllTextAsync(db, Ct));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // The temp cleaner takes it.
        }
    }

    private static async Task<List<(string, int, string)>> VersionsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var rows = await db.DocumentVersions.AsNoTracking().Select(v => new { v.Document!.Slug, v.Number, v.Content }).ToListAsync(Ct);
        return rows.Select(r => (r.Slug, r.Number, r.Content)).OrderBy(r => r.Slug, StringComparer.Ordinal).ThenBy(r => r.Number).ToList();
    }

    private static Task<(int ExitCode, string Output)> RunAsync(string script, string[] args, string db, string content) =>
        RunProcessAsync(Path.Combine(RepositoryPaths.Root, "scripts", script), args, new() { ["PORTAL_DB"] = db, ["PORTAL_CONTENT"] = content });

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, string[] args, Dictionary<string, string>? env = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in env ?? [])
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The portal over a given database file (the backup's source, or the restored copy).</summary>
    private sealed class FileFactory(TestContentDirectory content, string dbPath) : PortalFactory(content)
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("ConnectionStrings:Portal", $"Data Source={dbPath}")];
    }
}
