using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>
/// What the served library holds per document (issue 13, memory): the body once, as UTF-8 for documents and as a string
/// for templates, and the front matter's head instead of a second copy of the whole text.
/// </summary>
public class LibraryMemoryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("---\ntitel: Afslag\ntovholder: a\n---\n# Brødtekst\n\nMere æøå.\n")]
    [InlineData("\uFEFF---\r\ntitel: Afslag\r\ntags: [a, b]\r\n---\r\nTekst\r\n")]
    [InlineData("---\ntitel: Uden brødtekst\n---")]
    [InlineData("---\ntitel: Tom linje efter\n---\n")]
    public void Head_ReadAlone_GivesTheSameFrontMatterAsTheWholeText(string text)
    {
        var whole = FrontMatterReader.Read(text, "x.md");
        var parts = FrontMatterReader.PartsOf(text);

        Assert.NotNull(parts);
        var (head, body) = parts.Value;
        var alone = FrontMatterReader.Read(head, "x.md");
        Assert.Null(alone.Error);
        Assert.Equal(whole.Body, body);
        Assert.Equal(whole.FrontMatter!.Yaml, alone.FrontMatter!.Yaml);
        Assert.Equal(whole.BodyStartLine, alone.BodyStartLine);
        Assert.Equal(whole.FrontMatter.BodyStartLine, alone.FrontMatter.BodyStartLine);
        Assert.Equal(whole.FrontMatter.LineOf("titel"), alone.FrontMatter.LineOf("titel"));
        Assert.Equal(whole.FrontMatter.GetString("titel"), FrontMatterReader.LazyFrom(head, "x.md").Value.GetString("titel"));
    }

    [Theory]
    [InlineData("Ingen front matter")]
    [InlineData("---\ntitel: ikke afsluttet\n")]
    public void PartsOf_WithoutFrontMatter_IsNull(string text) => Assert.Null(FrontMatterReader.PartsOf(text));

    // A restart splits the stored UTF-8 text; it must cut exactly where the string split of an import cuts.
    [Theory]
    [InlineData("---\ntitel: Afslag\ntovholder: a\n---\n# Brødtekst\n\nMere æøå.\n")]
    [InlineData("\uFEFF---\r\ntitel: Afslag\r\ntags: [a, b]\r\n---\r\nTekst\r\n")]
    [InlineData("---\ntitel: Uden brødtekst\n---")]
    [InlineData("---\ntitel: Tom linje efter\n---\n")]
    [InlineData("---\ntitel: Mellemrum efter\n---   \nTekst 🙂\n")]
    [InlineData("---\ntitel: Hårdt mellemrum efter\n--- \u00A0\nTekst\n")]
    [InlineData("---\ntitel: Tekst efter stregerne\n--- ikke slut\n---x\n---\nBrød\n")]
    [InlineData("---\n---\n")]
    [InlineData("Ingen front matter")]
    [InlineData("---\ntitel: ikke afsluttet\n")]
    [InlineData("---\ntitel: kun mellemrum\n--- ")]
    public void PartsOfUtf8_CutsWhereTheStringSplitCuts(string text) =>
        AssertSameSplit(text);

    [Fact]
    public void PartsOfUtf8_CutsWhereTheStringSplitCuts_ForEveryShippedFile()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Content, "*.md", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count > 50, $"{files.Count} filer");
        foreach (var file in files)
        {
            AssertSameSplit(File.ReadAllText(file));
        }
    }

    private static void AssertSameSplit(string text)
    {
        var fromString = FrontMatterReader.PartsOf(text);
        var fromBytes = FrontMatterReader.PartsOf(System.Text.Encoding.UTF8.GetBytes(text));
        Assert.Equal(fromString is null, fromBytes is null);
        Assert.Equal(fromString?.Head, fromBytes?.Head);
        Assert.Equal(fromString?.Body, fromBytes is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes.Body) : null);
    }

    [Fact]
    public async Task Snapshot_HoldsDocumentBodiesAsUtf8_AndTemplatesAsStrings_AfterImportAndRestart()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
        await harness.Synchronizer.SyncAsync(Token);
        var imported = harness.Snapshot;
        var bodies = imported.Documents.ToDictionary(d => d.Slug, d => d.Body);
        var lines = imported.Documents.ToDictionary(d => d.Slug, d => d.FrontMatter.LineOf(FrontMatterKeys.Owner));
        AssertHeldAsExpected(imported);

        var restarted = harness.Restarted();
        await restarted.SyncAsync(Token);

        Assert.Equal(0, restarted.ParseCount);
        Assert.NotSame(imported, harness.Snapshot);
        AssertHeldAsExpected(harness.Snapshot);
        foreach (var document in harness.Snapshot.Documents)
        {
            Assert.Equal(bodies[document.Slug], document.Body);
            Assert.Equal(lines[document.Slug], document.FrontMatter.LineOf(FrontMatterKeys.Owner));
        }
    }

    private static void AssertHeldAsExpected(LibrarySnapshot snapshot)
    {
        Assert.Contains(snapshot.Documents, d => d.IsTemplate);
        Assert.All(snapshot.Documents, d => Assert.Equal(!d.IsTemplate, d.HoldsBodyAsUtf8));
    }

    [Fact]
    public async Task CompactBody_ReadsBackExactly_AndSurvivesWith()
    {
        var snapshot = await FixtureSnapshot.GetAsync();
        var document = snapshot.Documents.First(d => !d.IsTemplate);
        var text = "# Overskrift\n\nÆble, øre og å — “citat” og emoji 🙂.\n";
        var fresh = document with { Body = text };
        Assert.False(fresh.HoldsBodyAsUtf8);

        var compact = fresh.WithCompactBody();

        Assert.True(compact.HoldsBodyAsUtf8);
        Assert.Equal(text, compact.Body);
        Assert.Equal(text, compact.BodyReader()());
        var moved = compact with { Title = "Ny titel" };
        Assert.True(moved.HoldsBodyAsUtf8);
        Assert.Equal(text, moved.Body);
        Assert.Same(compact, compact.WithCompactBody());
        // Setting the body again holds the new one as given.
        var replaced = compact with { Body = "Andet" };
        Assert.False(replaced.HoldsBodyAsUtf8);
        Assert.Equal("Andet", replaced.Body);
    }

    [Fact]
    public async Task CompactBody_OfATemplate_StaysAString()
    {
        var snapshot = await FixtureSnapshot.GetAsync();
        var template = snapshot.Documents.First() with { Slug = "skabeloner/afgoerelser/proeve", Body = "Kære {{ borger.navn }}" };

        Assert.Same(template, template.WithCompactBody());
        Assert.False(template.HoldsBodyAsUtf8);
    }
}
