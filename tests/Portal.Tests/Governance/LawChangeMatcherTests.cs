using Portal.Content;
using Portal.Governance;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Governance;

/// <summary>The kompensationsydelse reform of 1 September 2025 (SEL § 100 for adults, BL § 86 for children) against the shipped content.</summary>
public class LawChangeMatcherTests
{
    private const string Reform = "Serviceloven § 100, Barnets Lov § 86";

    public static readonly TheoryData<string> MustBeFlagged =
    [
        "arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-boern",
        "arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-voksne",
        "skabeloner/afgoerelser/boern/afslag-merudgifter",
        "skabeloner/afgoerelser/boern/bevilling-merudgifter",
        "skabeloner/afgoerelser/boern/delvis-bevilling-merudgifter",
        "skabeloner/afgoerelser/voksne/afslag-merudgifter",
        "skabeloner/afgoerelser/voksne/bevilling-merudgifter",
        "skabeloner/afgoerelser/voksne/delvis-bevilling-merudgifter",
    ];

    public static readonly TheoryData<string> MustNotBeFlagged =
    [
        "arbejdsgange/02-oplysning-af-sagen/belysning-tabt-arbejdsfortjeneste-boern",
        "skabeloner/afgoerelser/boern/afslag-tabt-arbejdsfortjeneste",
        "skabeloner/afgoerelser/boern/bevilling-tabt-arbejdsfortjeneste",
        "skabeloner/afgoerelser/voksne/bevilling-bpa",
        "skabeloner/afgoerelser/voksne/afslag-ledsageordning",
    ];

    private static async Task<LibrarySnapshot> ShippedAsync()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);
        return harness.Snapshot;
    }

    [Theory]
    [MemberData(nameof(MustBeFlagged))]
    public async Task Reform_FlagsTheMerudgiftDocuments(string slug)
    {
        var snapshot = await ShippedAsync();
        Assert.NotNull(snapshot.Find(slug));

        var affected = LawChangeMatcher.Affected(snapshot, LawChangeMatcher.Paragraphs(snapshot.Laws, Reform));

        Assert.Contains(affected, d => d.Slug == slug);
    }

    [Theory]
    [MemberData(nameof(MustNotBeFlagged))]
    public async Task Reform_LeavesUnrelatedDocumentsAlone(string slug)
    {
        var snapshot = await ShippedAsync();
        Assert.NotNull(snapshot.Find(slug));

        var affected = LawChangeMatcher.Affected(snapshot, LawChangeMatcher.Paragraphs(snapshot.Laws, Reform));

        Assert.DoesNotContain(affected, d => d.Slug == slug);
    }

    [Fact]
    public async Task Paragraphs_ExpandsRangesAndIgnoresUnknownLaws()
    {
        var laws = (await ShippedAsync()).Laws;

        Assert.Equal([new("barnets-lov", "86"), new("barnets-lov", "87")], LawChangeMatcher.Paragraphs(laws, "Barnets Lov §§ 86-87").OrderBy(p => p.Paragraph));
        Assert.Equal([new("serviceloven", "100")], LawChangeMatcher.Paragraphs(laws, "Serviceloven § 100"));
        Assert.Empty(LawChangeMatcher.Paragraphs(laws, "Ukendt lov § 3"));
    }

    [Fact]
    public async Task FormerSelNumber_InAChildrensDocument_CountsAsTodaysBarnetsLov()
    {
        var snapshot = await ShippedAsync();
        var child = snapshot.Find("arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-boern")!;
        var adult = snapshot.Find("arbejdsgange/02-oplysning-af-sagen/belysning-merudgifter-voksne")!;
        var changed = LawChangeMatcher.Paragraphs(snapshot.Laws, "Barnets Lov § 86");
        var formerOnly = new LibraryDocument[]
        {
            child with { LegalBasis = [new LawReference("SEL § 41", "serviceloven", "41", null)], Body = "Ingen henvisning." },
            adult with { LegalBasis = [new LawReference("SEL § 41", "serviceloven", "41", null)], Body = "Ingen henvisning." },
        };

        Assert.True(LawChangeMatcher.Cites(formerOnly[0], snapshot.Laws, changed));
        Assert.False(LawChangeMatcher.Cites(formerOnly[1], snapshot.Laws, changed));
        Assert.False(LawChangeMatcher.Cites(child with { LegalBasis = [], Body = "Serviceloven § 1000 og Barnets Lov § 860." }, snapshot.Laws, changed));
    }
}
