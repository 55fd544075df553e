using Portal.Content;
using Portal.Reviews;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reviews;

/// <summary>
/// The dashboard over the fixture library on 2099-02-10: the checklist (2099-01-31) is overskredet, the offer
/// (2099-03-01) revideres snart and the procedure (2099-06-30) is gyldig.
/// </summary>
public class ReviewDashboardTests
{
    private const string Checklist = "arbejdsgange/01-opstart/tjekliste-moede";
    private const string Offer = "arbejdsgange/02-tilbud/ventilen";
    private const string Procedure = "arbejdsgange/01-opstart/meddelelse-af-afslag";

    private static readonly DateOnly Today = new(2099, 2, 10);

    private static async Task<DashboardView> BuildAsync(DashboardFilter filter) =>
        ReviewDashboard.Build(await FixtureSnapshot.GetAsync(), filter, Today, 30);

    [Fact]
    public async Task Build_GroupsByTovholderThenArea_WithMostOverdueFirst_AndCountsEachStatus()
    {
        var view = await BuildAsync(new DashboardFilter());

        Assert.Equal((1, 1, 1), (view.Counts[ReviewStatus.Overdue], view.Counts[ReviewStatus.DueSoon], view.Counts[ReviewStatus.Valid]));
        Assert.Equal(3, view.Shown);
        Assert.Equal(["proceskonsulent-voksen", "koordinator-boern"], view.Groups.Select(g => g.Owner.Key));
        var process = view.Groups[0];
        Assert.Equal((2, 1), (process.Count, process.Overdue));
        Assert.Equal([Area.Adults, Area.Shared], process.Areas.Select(a => a.Area));
        Assert.Equal((Offer, ReviewStatus.DueSoon, 19), (process.Areas[0].Rows[0].Document.Slug, process.Areas[0].Rows[0].Status, process.Areas[0].Rows[0].DaysLeft));
        Assert.Equal((Checklist, ReviewStatus.Overdue, -10), (process.Areas[1].Rows[0].Document.Slug, process.Areas[1].Rows[0].Status, process.Areas[1].Rows[0].DaysLeft));
        var children = Assert.Single(view.Groups[1].Areas);
        Assert.Equal((Area.Children, Procedure, ReviewStatus.Valid), (children.Area, children.Rows[0].Document.Slug, children.Rows[0].Status));
    }

    [Fact]
    public async Task StatusFilter_ShowsOnlyThatStatus_ButCountsStillShowEveryStatus()
    {
        var view = await BuildAsync(new DashboardFilter(Status: ReviewStatus.Overdue));

        var group = Assert.Single(view.Groups);
        Assert.Equal(Checklist, Assert.Single(Assert.Single(group.Areas).Rows).Document.Slug);
        Assert.Equal((1, 1, 1), (view.Counts[ReviewStatus.Overdue], view.Counts[ReviewStatus.DueSoon], view.Counts[ReviewStatus.Valid]));
    }

    [Theory]
    [InlineData(null, Area.Adults, null, null, new[] { Offer })]
    [InlineData("koordinator-boern", null, null, null, new[] { Procedure })]
    [InlineData("PROCESKONSULENT-VOKSEN", null, null, null, new[] { Offer, Checklist })]
    [InlineData(null, null, "tjekliste", null, new[] { Checklist })]
    [InlineData(null, null, null, "ventil", new[] { Offer })]
    [InlineData(null, null, null, "opstart/meddelelse", new[] { Procedure })]
    [InlineData("koordinator-boern", Area.Adults, null, null, new string[0])]
    public async Task Filters_ByTovholderAreaTypeAndText_NarrowRowsAndCounts(string? owner, Area? area, string? type, string? text, string[] expected)
    {
        var view = await BuildAsync(new DashboardFilter(OwnerKey: owner, Area: area, Type: type, Text: text));

        var shown = view.Groups.SelectMany(g => g.Areas).SelectMany(a => a.Rows).Select(r => r.Document.Slug).ToList();
        Assert.Equal(expected, shown);
        Assert.Equal(expected.Length, view.Counts.Values.Sum());
    }

    [Theory]
    [InlineData(2098, 12, 31, ReviewStatus.Valid)] // 31 days before
    [InlineData(2099, 1, 1, ReviewStatus.DueSoon)] // 30 days before
    [InlineData(2099, 1, 31, ReviewStatus.DueSoon)] // the day itself
    [InlineData(2099, 2, 1, ReviewStatus.Overdue)] // the day after
    public async Task Status_Boundaries(int year, int month, int day, ReviewStatus expected)
    {
        var view = ReviewDashboard.Build(await FixtureSnapshot.GetAsync(), new DashboardFilter(Type: "tjekliste"), new DateOnly(year, month, day), 30);

        Assert.Equal(expected, view.Groups.Single().Areas.Single().Rows.Single().Status);
    }

    [Fact]
    public async Task ShippedContent_DashboardCoversEveryDocumentAndTemplate()
    {
        await using var harness = await ContentHarness.CreateAsync(TestContentDirectory.FromRepository());
        await harness.Synchronizer.SyncAsync(TestContext.Current.CancellationToken);
        var snapshot = harness.Snapshot;
        var templateCount = snapshot.Documents.Count(d => d.IsTemplate);
        Assert.True(templateCount > 0, "Det leverede indhold har ingen skabeloner.");

        var all = ReviewDashboard.Build(snapshot, new DashboardFilter(), Today, 30);
        var templates = ReviewDashboard.Build(snapshot, new DashboardFilter(Templates: true), Today, 30);

        Assert.Equal(snapshot.Documents.Count(), all.Counts.Values.Sum());
        Assert.Equal(snapshot.Documents.Count(), all.Shown);
        Assert.Equal(templateCount, templates.Shown);
        Assert.All(templates.Groups.SelectMany(g => g.Areas).SelectMany(a => a.Rows), r => Assert.True(r.Document.IsTemplate));
        Assert.All(all.Groups, g => Assert.All(g.Areas.SelectMany(a => a.Rows), r => Assert.Equal(g.Owner.Key, r.Document.Owner.Key)));
    }

    [Theory]
    [InlineData("overskredet", true, ReviewStatus.Overdue)]
    [InlineData("snart", true, ReviewStatus.DueSoon)]
    [InlineData("gyldig", true, ReviewStatus.Valid)]
    [InlineData("", true, null)]
    [InlineData(null, true, null)]
    [InlineData("forældet", false, null)]
    public void TryParseStatus_AcceptsTheDanishKeys(string? key, bool ok, ReviewStatus? expected)
    {
        Assert.Equal(ok, ReviewDashboard.TryParseStatus(key, out var status));
        Assert.Equal(expected, status);
    }

    [Fact]
    public async Task OwnerKeyOf_MatchesTheSignedInPersonByEmail()
    {
        var snapshot = await FixtureSnapshot.GetAsync();

        Assert.Equal("proceskonsulent-voksen", ReviewDashboard.OwnerKeyOf(snapshot, "PROCES@test.example"));
        Assert.Null(ReviewDashboard.OwnerKeyOf(snapshot, "ukendt@test.example"));
        Assert.Null(ReviewDashboard.OwnerKeyOf(snapshot, null));
    }
}
