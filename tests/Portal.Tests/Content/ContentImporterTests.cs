using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

public class ContentImporterTests
{
    private const string ValidDoc = "---\ntitel: Ny\ntovholder: koordinator-boern\nrevideres: 2099-01-01\n---\nTekst\n";

    [Fact]
    public async Task Sync_FixtureLibrary_ServesAllDocumentsWithoutErrors()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());

        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);

        Assert.Equal(3, harness.Snapshot.Documents.Count);
        Assert.DoesNotContain(harness.Snapshot.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal("Henvendelse og opstart", harness.Snapshot.Folders["arbejdsgange/01-opstart"].Title);
    }

    [Fact]
    public async Task Import_Twice_IsIdempotent()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;

        var first = await harness.Importer.ImportAsync(harness.Content.Path, ct);
        var second = await harness.Importer.ImportAsync(harness.Content.Path, ct);

        Assert.Equal(3, first.Created);
        Assert.Equal(0, second.Created + second.Updated + second.Removed);
        await using var db = harness.CreateDb();
        Assert.Equal(3, await db.DocumentVersions.CountAsync(ct));
    }

    [Fact]
    public async Task Import_ChangedFile_AddsVersionWithNewHash()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var path = Path.Combine(harness.Content.Path, "arbejdsgange/02-tilbud/ventilen.md");

        File.AppendAllText(path, "\nNy linje.\n");
        await harness.Synchronizer.SyncAsync(ct);

        await using var db = harness.CreateDb();
        var versions = await db.DocumentVersions.Where(v => v.Document!.Slug == "arbejdsgange/02-tilbud/ventilen").OrderBy(v => v.Number).ToListAsync(ct);
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(versions[0].ContentHash, versions[1].ContentHash);
        Assert.Equal(2, harness.Snapshot.Find("arbejdsgange/02-tilbud/ventilen")!.VersionNumber);
    }

    [Fact]
    public async Task Import_SameTextWithCrlfAndBom_AddsNoVersion()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);
        var path = Path.Combine(harness.Content.Path, "arbejdsgange/02-tilbud/ventilen.md");

        var text = File.ReadAllText(path).Replace("\n", "\r\n");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        var result = await harness.Importer.ImportAsync(harness.Content.Path, ct);

        Assert.Equal(0, result.Updated);
    }

    [Fact]
    public async Task Import_BadFiles_AreListedInDanishAndTheRestIsServed()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        var c = harness.Content;
        c.Write("arbejdsgange/01-opstart/stor.md", ValidDoc + new string('x', 5 * 1024 * 1024));
        c.WriteBytes("arbejdsgange/01-opstart/binaer.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]);
        c.WriteBytes("arbejdsgange/01-opstart/latin1.md", Encoding.Latin1.GetBytes(ValidDoc.Replace("Ny", "Børn")));
        c.Write("arbejdsgange/01-opstart/ugyldig-yaml.md", "---\ntitel: [ikke lukket\n---\nx");
        c.Write("arbejdsgange/01-opstart/ukendt-tovholder.md", ValidDoc.Replace("koordinator-boern", "ingen-person"));
        c.Write("arbejdsgange/01-opstart/Meddelelse-Af-Afslag.md", ValidDoc);
        c.Write("arbejdsgange/01-opstart/crlf-bom.md", "\uFEFF" + ValidDoc.Replace("\n", "\r\n"));
        c.Write("arbejdsgange/01-opstart/doed-link.md", ValidDoc + "[x](findes-ikke.md)\n");

        await harness.Synchronizer.SyncAsync(ct);
        var issues = harness.Snapshot.Issues;

        Assert.Contains(issues, i => i.File.EndsWith("stor.md") && i.Message.Contains("for stor"));
        Assert.Contains(issues, i => i.File.EndsWith("binaer.md") && i.Message.Contains("ikke en tekstfil"));
        Assert.Contains(issues, i => i.File.EndsWith("latin1.md") && i.Message.Contains("UTF-8"));
        Assert.Contains(issues, i => i.File.EndsWith("ugyldig-yaml.md") && i.Message.Contains("YAML"));
        Assert.Contains(issues, i => i.File.EndsWith("ukendt-tovholder.md") && i.Message.Contains("'ingen-person'"));
        Assert.Contains(issues, i => i.File.EndsWith("eddelelse-af-afslag.md", StringComparison.OrdinalIgnoreCase) && i.Message.Contains("samme identitet"));
        Assert.Contains(issues, i => i.File.EndsWith("doed-link.md") && i.Message.Contains("ikke findes"));
        Assert.DoesNotContain(issues, i => i.File.EndsWith("crlf-bom.md"));
        Assert.NotNull(harness.Snapshot.Find("arbejdsgange/01-opstart/crlf-bom"));
        Assert.NotNull(harness.Snapshot.Find("arbejdsgange/01-opstart/meddelelse-af-afslag"));
        Assert.NotNull(harness.Snapshot.Find("arbejdsgange/02-tilbud/ventilen"));
    }

    [Fact]
    public async Task Import_FileBecomesUnreadable_KeepsServingLastGoodVersion()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);

        harness.Content.WriteBytes("arbejdsgange/02-tilbud/ventilen.md", [0x00, 0x01]);
        await harness.Synchronizer.SyncAsync(ct);

        Assert.NotNull(harness.Snapshot.Find("arbejdsgange/02-tilbud/ventilen"));
        Assert.Contains(harness.Snapshot.Issues, i => i.File.EndsWith("ventilen.md"));
    }

    [Fact]
    public async Task Import_DeletedFile_IsHiddenButHistoryKept()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);

        File.Delete(Path.Combine(harness.Content.Path, "arbejdsgange/02-tilbud/ventilen.md"));
        await harness.Synchronizer.SyncAsync(ct);

        Assert.Null(harness.Snapshot.Find("arbejdsgange/02-tilbud/ventilen"));
        await using var db = harness.CreateDb();
        Assert.True(await db.DocumentVersions.AnyAsync(v => v.Document!.Slug == "arbejdsgange/02-tilbud/ventilen", ct));
    }

    [Fact]
    public async Task Sync_RosterChange_MovesOwnerOfAllDocuments()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromFixture());
        var ct = TestContext.Current.CancellationToken;
        await harness.Synchronizer.SyncAsync(ct);

        var roster = Path.Combine(harness.Content.Path, "tovholdere.yml");
        File.WriteAllText(roster, File.ReadAllText(roster).Replace("Test Proceskonsulent", "Ny Person"));
        await harness.Synchronizer.SyncAsync(ct);

        Assert.All(harness.Snapshot.Documents.Where(d => d.Owner.Key == "proceskonsulent-voksen"), d => Assert.Equal("Ny Person", d.Owner.Name));
    }
}
