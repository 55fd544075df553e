using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Content;

/// <summary>The core set of the library (issue 3) cannot silently disappear: each entry is asserted by type, title and area.</summary>
public class CoreLibraryTests
{
    public static TheoryData<string, string, string> CoreSet => new()
    {
        { "arbejdsgang", "Meddelelse af afslag", "børn" },
        { "arbejdsgang", "Meddelelse af afslag", "voksen" },
        { "arbejdsgang", "Genvurdering af afslag ved klage", "børn" },
        { "arbejdsgang", "Genvurdering af afslag ved klage", "voksen" },
        { "arbejdsgang", "Belysning af en sag om merudgifter", "børn" },
        { "arbejdsgang", "Belysning af en sag om tabt arbejdsfortjeneste", "børn" },
        { "arbejdsgang", "Belysning af en sag om merudgifter", "voksen" },
        { "arbejdsgang", "Belysning af en sag om socialpædagogisk støtte", "voksen" },
        { "arbejdsgang", "Skift af sagsbehandler", "børn" },
        { "arbejdsgang", "Skift af sagsbehandler", "voksen" },
        { "arbejdsgang", "Elektronisk stamkort", "børn" },
        { "arbejdsgang", "Den Gode Overgang og Den hurtige Gode Overgang", "*" },
        { "arbejdsgang", "Cafémøde ved 16 år", "*" },
        { "arbejdsgang", "Tidligere samarbejde", "*" },
        { "arbejdsgang", "Kvittering for ansøgning", "*" },
        { "arbejdsgang", "Partshøring", "*" },
        { "arbejdsgang", "Systematisk dokumentationspraksis", "voksen" },
        { "arbejdsgang", "Navngivning af aktiviteter", "børn" },
        { "arbejdsgang", "betalingsevnevurdering", "børn" },
        { "arbejdsgang", "Tværfaglig koordination", "*" },
        { "funktionsbeskrivelse", "DUBU-superbruger", "*" },
        { "funktionsbeskrivelse", "mentor", "*" },
        { "tjekliste", "Tjekliste for første møde", "*" },
        { "dagsorden", "Dagsorden for første møde", "*" },
        { "dagsorden", "Standarddagsorden for overdragelsesmøde", "*" },
        { "tjekliste", "aktører", "*" },
        { "tjekliste", "Huskeliste ved overgange", "*" },
        { "vejledning", "Overgangsresumé", "*" },
        { "vejledning", "Vidensmatrix", "*" },
        { "vejledning", "Guide til den vanskelige samtale", "*" },
        { "vejledning", "Forventningsafstemning", "*" },
        { "vejledning", "koordinator på voksenområdet", "*" },
        { "vejledning", "koordinator på børneområdet", "*" },
        { "vejledning", "overgange mellem barn og voksen", "*" },
        { "vejledning", "tildeling af hjælpemidler", "*" },
        { "vejledning", "handleplansarbejde", "*" },
        { "vejledning", "indgangen til kommunen fra sundhedssektoren", "*" },
        { "pjece", "Børnehandicap", "børn" },
        { "pjece", "Voksenhandicap", "voksen" },
        { "pjece", "fylder 18", "*" },
    };

    private static readonly Lazy<Task<LibrarySnapshot>> s_shipped = new(async () =>
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
        await harness.Synchronizer.SyncAsync();
        return harness.Snapshot;
    });

    [Theory]
    [MemberData(nameof(CoreSet))]
    public async Task CoreDocument_IsPresentAndValid(string type, string title, string area)
    {
        var snapshot = await s_shipped.Value;

        Assert.Contains(snapshot.LibraryDocuments, d =>
            d.Type == type
            && d.Title.Contains(title, StringComparison.OrdinalIgnoreCase)
            && (area == "*" || AreaNames.Key(d.Area) == area));
    }

    [Theory]
    [InlineData("boern", "børn")]
    [InlineData("voksne", "voksen")]
    public async Task OffersWithoutReferral_AtLeastTwelvePerArea(string folder, string area)
    {
        var snapshot = await s_shipped.Value;

        // An offer for both areas (fælles) in the children's folder counts for children.
        var count = snapshot.LibraryDocuments.Count(d => d.Type == "tilbud" && d.Folder.EndsWith("/" + folder, StringComparison.Ordinal)
            && (AreaNames.Key(d.Area) == area || d.Area == Area.Shared));

        Assert.True(count >= 12, $"Kun {count} tilbud for {area}");
    }

    [Fact]
    public async Task EveryShippedDocument_HasOwnerReviewDateSummaryAndTags()
    {
        var snapshot = await s_shipped.Value;

        var lacking = snapshot.LibraryDocuments.Where(d => d.Summary is null || d.Tags.Count == 0).Select(d => d.Slug).ToList();

        Assert.True(lacking.Count == 0, "Uden resumé eller tags: " + string.Join(", ", lacking));
    }
}
