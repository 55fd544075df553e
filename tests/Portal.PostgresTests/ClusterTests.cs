using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Cluster;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Editing;
using Portal.PostgresTests.Infrastructure;
using Portal.Search;
using Portal.Tests.Infrastructure;

namespace Portal.PostgresTests;

/// <summary>Two portal nodes in one test process on one PostgreSQL database, sharing one content folder.</summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private const string Slug = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private static readonly UserProfile Anne = new("demo:koordinator", "Anne Andersen", "anne@test.example");
    private static readonly UserProfile Bo = new("demo:koordinator2", "Bo Bertelsen", "bo@test.example");

    private TestContentDirectory _content = null!;
    private PostgresNode _a = null!;
    private PostgresNode _b = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        _content = TestContentDirectory.FromFixture();
        _a = new PostgresNode(connectionString, _content, "node-a").Start();
        _b = new PostgresNode(connectionString, _content, "node-b").Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Edited(string text, string word) => text.Replace("## Formål\n", $"## Formål\nOrdet {word} er nyt her.\n", StringComparison.Ordinal);

    [Fact]
    public async Task FirstNode_HoldsTheContentLease_SecondReadsTheDatabase()
    {
        Assert.True(_a.Get<ContentLease>().IsHeld);
        Assert.False(_b.Get<ContentLease>().IsHeld);
        Assert.Equal("node-a", await _a.Get<LeaseStore>().HolderAsync(LeaseStore.Content, Ct));
        Assert.Equal(_a.Get<ContentCatalog>().Current.Documents.Select(d => d.Slug), _b.Get<ContentCatalog>().Current.Documents.Select(d => d.Slug));
    }

    [Fact]
    public void SecondNode_RestoresFromTheParseCache_TheSameBodiesAndMetadataAsTheImporter()
    {
        // Node B builds from the texts and parse-cache entries node A stored, read on PostgreSQL as strings and encoded
        // to UTF-8 (Utf8Rows); nothing is parsed again.
        Assert.Equal(0, _b.Get<ContentSynchronizer>().ParseCount);
        foreach (var imported in _a.Get<ContentCatalog>().Current.Documents)
        {
            var restored = _b.Get<ContentCatalog>().Current.Find(imported.Slug)!;
            Assert.Equal(imported.Body, restored.Body);
            Assert.Equal(imported.Title, restored.Title);
            Assert.Equal(imported.Toc, restored.Toc);
            Assert.Equal(imported.Warnings, restored.Warnings);
            Assert.Equal(imported.FrontMatter.Yaml, restored.FrontMatter.Yaml);
            Assert.Equal(imported.Html, restored.Html);
        }
    }

    [Fact]
    public async Task PublishOnNodeA_AppearsOnNodeBsPageAndSearchWithinTwoSeconds()
    {
        var store = _a.Get<DocumentStore>();
        var document = (await store.LoadAsync(Slug, Ct))!;
        var word = "klyngeprøve" + Guid.NewGuid().ToString("N")[..6];

        var client = _b.CreateClientAs(Roles.Caseworker);
        await client.GetStringAsync("/api/search?q=afslag", Ct); // B's index is built before the clock starts

        var result = await store.CommitAsync(new DocumentChange(Slug, Edited(document.Latest.Content, word), document.Stamp, "Prøve på to noder",
            VersionState.Published, VersionSource.Editor, Portal.Audit.AuditActions.Publish), Anne, Ct);

        Assert.Equal(EditStatus.Saved, result.Status);
        await Eventually.WithinAsync(TimeSpan.FromSeconds(2), async () =>
            (await client.GetStringAsync("/api/documents/" + Slug, Ct)).Contains(word, StringComparison.Ordinal), "Dokumentet på node B");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(2), async () =>
            (await client.GetStringAsync("/api/search?q=" + word, Ct)).Contains(Slug, StringComparison.Ordinal), "Søgningen på node B");
    }

    [Fact]
    public async Task PublishOnNodeWithoutTheLease_IsWrittenToContentByTheHolder()
    {
        var store = _b.Get<DocumentStore>();
        var document = (await store.LoadAsync(Slug, Ct))!;
        var word = "filskrivning" + Guid.NewGuid().ToString("N")[..6];

        var result = await store.CommitAsync(new DocumentChange(Slug, Edited(document.Latest.Content, word), document.Stamp, "Fra node B",
            VersionState.Published, VersionSource.Editor, Portal.Audit.AuditActions.Publish), Bo, Ct);

        Assert.Equal(EditStatus.Saved, result.Status);
        Assert.Equal(FileStatus.Pending, result.File);
        var path = Path.Combine(_content.Path, Slug + ".md");
        await Eventually.WithinAsync(TimeSpan.FromSeconds(3), () => Task.FromResult(File.ReadAllText(path).Contains(word, StringComparison.Ordinal)), "Filen skrevet af node A");
        await using var db = _a.Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        await Eventually.WithinAsync(TimeSpan.FromSeconds(2), async () => !await db.PendingFileWrites.AnyAsync(Ct), "Filudbakken tom");
    }

    [Fact]
    public async Task TwoCoordinatorsOnTwoNodes_SaveWithTheSameStamp_ExactlyOneWinsAndTheOtherGetsTheConflict()
    {
        var stamp = (await _a.Get<DocumentStore>().LoadAsync(Slug, Ct))!.Stamp;
        var text = (await _b.Get<DocumentStore>().LoadAsync(Slug, Ct))!.Latest.Content;
        Task<EditResult> Save(PostgresNode node, UserProfile user, string word) => node.Get<DocumentStore>().CommitAsync(
            new DocumentChange(Slug, Edited(text, word), stamp, "Samtidig", VersionState.Published, VersionSource.Editor, Portal.Audit.AuditActions.Publish), user, Ct);

        var results = await Task.WhenAll(Save(_a, Anne, "annes"), Save(_b, Bo, "bos"));

        Assert.Single(results, r => r.Status == EditStatus.Saved);
        var loser = Assert.Single(results, r => r.Status == EditStatus.Conflict);
        Assert.NotNull(loser.Theirs);
        await using var db = _a.Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        var versions = await db.DocumentVersions.Where(v => v.Document!.Slug == Slug).OrderBy(v => v.Number).Select(v => v.Content).ToListAsync(Ct);
        Assert.Single(versions, v => v.Contains("annes", StringComparison.Ordinal) || v.Contains("bos", StringComparison.Ordinal));
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task ConflictThroughTheApi_SecondSaveWithTheOldStampGets409()
    {
        var clientA = _a.CreateClientAs(Roles.Coordinator);
        var clientB = _b.CreateClientAs(Roles.Coordinator);
        var document = (await clientA.GetFromJsonAsync<EditorDocument>("/api/editing/documents/" + Slug, Ct))!;

        var first = await clientA.PostAsJsonAsync("/api/editing/save", new SaveRequest(Slug, Edited(document.Latest.Content, "første"), document.Stamp, "A", Publish: false), Ct);
        var second = await clientB.PostAsJsonAsync("/api/editing/save", new SaveRequest(Slug, Edited(document.Latest.Content, "anden"), document.Stamp, "B", Publish: false), Ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task SignInOnNodeA_CookieWorksOnNodeB()
    {
        var cookie = await SignInCookieAsync(_a);

        var onB = _b.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        onB.DefaultRequestHeaders.Add("Cookie", cookie);
        var response = await onB.GetAsync("/api/documents", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var anonymous = await _b.CreateAnonymousClient().GetAsync("/api/documents", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task HolderStops_TheOtherNodeTakesTheContentLease()
    {
        await _a.DisposeAsync();

        await Eventually.WithinAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(_b.Get<ContentLease>().IsHeld), "Node B overtager indholdslåsen");
        Assert.Equal("node-b", await _b.Get<LeaseStore>().HolderAsync(LeaseStore.Content, Ct));
    }

    [Fact]
    public async Task ExpiredLease_IsTakenOver_AndAFreshOneIsNot()
    {
        var leases = _b.Get<LeaseStore>();

        Assert.True(await leases.TryAcquireAsync("prøve", "x", TimeSpan.FromMilliseconds(300), Ct));
        Assert.False(await leases.TryAcquireAsync("prøve", "y", TimeSpan.FromSeconds(10), Ct));
        await Task.Delay(400, Ct);
        Assert.True(await leases.TryAcquireAsync("prøve", "y", TimeSpan.FromSeconds(10), Ct));
        Assert.Equal("y", await leases.HolderAsync("prøve", Ct));
    }

    [Fact]
    public async Task ScheduledJob_ClaimedOnTwoNodesInTheSameSlot_RunsOnce()
    {
        var interval = TimeSpan.FromHours(1);

        var claims = await Task.WhenAll(_a.Get<ClusterJobs>().TryClaimAsync("prøvejob", interval, Ct), _b.Get<ClusterJobs>().TryClaimAsync("prøvejob", interval, Ct));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task RunningJob_IsNotOverlappedByALaterSlotOnAnotherNode_AndRunsThereAfterwards()
    {
        var interval = TimeSpan.FromMilliseconds(1); // every call is a new slot: only the running lease can hold B back
        var release = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var onA = _a.Get<ClusterJobs>().TryRunAsync("langsomt-job", interval, async _ =>
        {
            started.SetResult();
            await release.Task;
        }, Ct);
        await started.Task;

        var whileRunning = await _b.Get<ClusterJobs>().TryRunAsync("langsomt-job", interval, _ => Task.CompletedTask, Ct);
        release.SetResult();
        Assert.True(await onA);
        var afterwards = await _b.Get<ClusterJobs>().TryRunAsync("langsomt-job", interval, _ => Task.CompletedTask, Ct);

        Assert.False(whileRunning);
        Assert.True(afterwards);
    }

    [Fact]
    public async Task HealthReady_ReportsDatabaseAndSnapshot()
    {
        var body = await _b.CreateAnonymousClient().GetStringAsync("/health/ready", Ct);

        Assert.Contains("\"database\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("\"snapshot\":\"Healthy\"", body, StringComparison.Ordinal);
        Assert.Contains("snapshotAgeSeconds", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OnNodeB_FindsTheLibrary()
    {
        await _b.Get<SearchService>().Idle;
        var hits = await _b.CreateClientAs(Roles.Caseworker).GetStringAsync("/api/search?q=afslag", Ct);

        Assert.Contains(Slug, hits, StringComparison.Ordinal);
    }

    private static async Task<string> SignInCookieAsync(PortalFactory node)
    {
        var client = node.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await client.GetAsync("/konto/log-ind", Ct);
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        var html = await page.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/konto/demo")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["bruger"] = "koordinator", ["returnUrl"] = "/" }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }
}
