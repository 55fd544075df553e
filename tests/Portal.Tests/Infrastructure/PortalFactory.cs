using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Auth;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The whole portal in memory over a temp SQLite file and a temp copy of content. API keys exist for
/// each role so tests can act as sagsbehandler, koordinator or administrator.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string CaseworkerKey = "test-noegle-sagsbehandler-0001";
    public const string CoordinatorKey = "test-noegle-koordinator-00001";
    public const string AdministratorKey = "test-noegle-administrator-001";

    private readonly string _dbPath = Path.Combine(Path.GetTempPath(), $"handicap-web-{Guid.NewGuid():N}.db");

    public PortalFactory() : this(TestContentDirectory.FromFixture())
    {
    }

    public PortalFactory(TestContentDirectory content) => Content = content;

    public TestContentDirectory Content { get; }

    /// <summary>Extra settings a derived factory or test adds (key → value).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={_dbPath}");
        builder.UseSetting("Content:RootPath", Content.Path);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:Mode", "Demo");
        // Suites call the API in bursts; the limiter's own tests lower these.
        builder.UseSetting("Security:RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("Security:RateLimits:HeavyPerMinute", "100000");
        builder.UseSetting("Security:RateLimits:SignInPerMinute", "100000");
        var keys = new[] { (CaseworkerKey, Roles.Caseworker), (CoordinatorKey, Roles.Coordinator), (AdministratorKey, Roles.Administrator) };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"Auth:ApiKeys:{i}:Name", "test-" + keys[i].Item2);
            builder.UseSetting($"Auth:ApiKeys:{i}:Hash", ApiKeyHandler.HashOf(keys[i].Item1));
            builder.UseSetting($"Auth:ApiKeys:{i}:Role", keys[i].Item2);
        }
        var demoUsers = new[] { ("sagsbehandler", Roles.Caseworker), ("koordinator", Roles.Coordinator), ("administrator", Roles.Administrator) };
        for (var i = 0; i < demoUsers.Length; i++)
        {
            builder.UseSetting($"Auth:DemoUsers:{i}:Id", demoUsers[i].Item1);
            builder.UseSetting($"Auth:DemoUsers:{i}:Name", "Demo " + demoUsers[i].Item1);
            builder.UseSetting($"Auth:DemoUsers:{i}:Role", demoUsers[i].Item2);
            builder.UseSetting($"Auth:DemoUsers:{i}:Email", demoUsers[i].Item1 + "@test.example");
        }
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateClientAs(string role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ApiKeyHandler.HeaderName, role switch
        {
            Roles.Coordinator => CoordinatorKey,
            Roles.Administrator => AdministratorKey,
            _ => CaseworkerKey,
        });
        return client;
    }

    /// <summary>Signs in through the demo sign-in form (with its antiforgery token) and returns a cookie client.</summary>
    public async Task<HttpClient> SignInAsync(string demoUserId)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/konto/log-ind");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/konto/demo", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["bruger"] = demoUserId,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Demo-login fejlede: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    public HttpClient CreateAnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _dbPath, _dbPath + "-wal", _dbPath + "-shm" })
        {
            File.Delete(file);
        }
        Content.Dispose();
        GC.SuppressFinalize(this);
    }
}
