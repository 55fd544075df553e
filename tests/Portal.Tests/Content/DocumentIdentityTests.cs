using System.Net.Http.Json;
using System.Text.Json;
using Portal.Auth;
using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>Issue 14 §7: a file whose path differs only by case never takes over the existing document.</summary>
public sealed class DocumentIdentityTests : IAsyncLifetime
{
    private const string Slug = "arbejdsgange/02-tilbud/ventilen";
    private const string Intruder = "arbejdsgange/02-tilbud/Ventilen.md";
    private readonly PortalFactory _factory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task CaseVariantFile_AtImport_IsRejected_AndTheExistingDocumentStays()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        await harness.Synchronizer.SyncAsync(Token);
        var original = harness.Snapshot.Find(Slug)!.Title;

        // Ordinal order puts the upper-case newcomer first: it must still lose.
        harness.Content.Write(Intruder, File.ReadAllText(Path.Combine(harness.Content.Path, Slug + ".md")).Replace("titel: Ventilen", "titel: Log ind igen her"));
        await harness.Synchronizer.SyncAsync(Token);

        Assert.Equal(original, harness.Snapshot.Find(Slug)!.Title);
        var issue = Assert.Single(harness.Snapshot.Issues, i => i.Message.Contains("samme identitet"));
        Assert.Equal(Intruder, issue.File);
        Assert.Equal(IssueSeverity.Error, issue.Severity);
        Assert.Contains("arbejdsgange/02-tilbud/ventilen.md", issue.Message);
    }

    [Fact]
    public void BothNew_TheLowerCaseSpellingIsTheDocument()
    {
        var upper = new ContentFile("a/b", "a/B.md", "x", "h1", null);
        var lower = new ContentFile("a/b", "a/b.md", "y", "h2", null);

        var (keeper, rejections) = DocumentIdentity.Choose([upper, lower], storedDiskHash: null);

        Assert.Same(lower, keeper);
        Assert.Equal("a/B.md", Assert.Single(rejections).File);
    }

    [Fact]
    public void TheImportedFile_KeepsTheIdentity_EvenWhenSpeltWithCapitals()
    {
        var known = new ContentFile("a/b", "a/B.md", "x", "known", null);
        var newcomer = new ContentFile("a/b", "a/b.md", "y", "new", null);

        Assert.Same(known, DocumentIdentity.Choose([newcomer, known], storedDiskHash: "known").Keeper);
    }

    [Fact]
    public async Task CaseVariantFile_SeenLiveByTheWatcher_IsRejected_AndListedOnIndholdsfejl()
    {
        var client = _factory.CreateClientAs(Roles.Coordinator);
        var path = Path.Combine(_factory.Content.Path, Slug + ".md");
        _factory.Content.Write(Intruder, File.ReadAllText(path).Replace("titel: Ventilen", "titel: Log ind igen her"));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        JsonElement errors;
        do
        {
            await Task.Delay(200, Token);
            errors = await client.GetFromJsonAsync<JsonElement>("/api/content/errors", Token);
        }
        while (!errors.EnumerateArray().Any(e => e.GetProperty("file").GetString() == Intruder) && DateTime.UtcNow < deadline);

        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("file").GetString() == Intruder && e.GetProperty("message").GetString()!.Contains("afvist"));
        var document = await client.GetFromJsonAsync<JsonElement>("/api/documents/" + Slug, Token);
        Assert.Equal("Ventilen", document.GetProperty("title").GetString());
    }
}
