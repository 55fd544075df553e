using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel port over a temp database and a temp copy of the shipped content:
/// started once per test run and shared by every browser test.
/// </summary>
public sealed class BrowserServer : WebApplicationFactory<Program>
{
    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"handicap-browser-{Guid.NewGuid():N}.db");

    public BrowserServer()
    {
        ContentPath = Path.Combine(Path.GetTempPath(), "handicap-browser-content-" + Guid.NewGuid().ToString("N")[..12]);
        CopyDirectory(Path.Combine(RepositoryRoot(), "content"), ContentPath);
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>The server's own copy of content/, which tests may edit.</summary>
    public string ContentPath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={_dbPath}");
        builder.UseSetting("Content:RootPath", ContentPath);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:Mode", "Demo");
        // LibreOffice warms at once, as before the portal's start delay: 15 s in, its start-up took the cores from
        // whichever browser test ran then.
        builder.UseSetting("Delivery:Pdf:StartDelaySeconds", "0");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
        try
        {
            Directory.Delete(ContentPath, recursive: true);
        }
        catch (IOException)
        {
            // The temp cleaner takes it if a watcher still holds it.
        }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Handicap.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Fandt ikke repositoriets rod (Handicap.sln).");
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(source, target));
        }
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(source, target));
        }
    }
}
