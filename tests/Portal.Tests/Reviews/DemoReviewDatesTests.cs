using System.Text.Json;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Reviews;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reviews;

/// <summary>
/// The demo install's sample review dates (issue 15: a fresh install's dashboard must have something to show) move
/// only the served date, only while the file still has the shipped date, and match the shipped content.
/// </summary>
public class DemoReviewDatesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static DemoReviewDates Adjuster(params DemoReviewDate[] dates) =>
        new(Options.Create(new DemoReviewDateOptions { ReviewDates = [.. dates] }), new FixedTimeProvider(Today));

    private static async Task<LibraryDocument> FixtureDocumentAsync(string slug) =>
        (await FixtureSnapshot.GetAsync()).Find(slug) ?? throw new InvalidOperationException(slug);

    [Fact]
    public async Task Adjust_WhileTheFileHasTheShippedDate_MovesTheServedDateRelativeToToday()
    {
        var doc = await FixtureDocumentAsync("arbejdsgange/01-opstart/tjekliste-moede");
        var adjuster = Adjuster(new DemoReviewDate { Slug = doc.Slug.ToUpperInvariant(), From = doc.ReviewDate, Days = -9 });

        var served = adjuster.Adjust(doc);

        Assert.Equal((Today.AddDays(-9), true), (served.ReviewDate, served.HasDemoReviewDate));
        Assert.Equal(ReviewStatus.Overdue, served.ReviewStatusOn(Today, 30));
        Assert.Equal(doc.Body, served.Body);
        Assert.False(doc.HasDemoReviewDate);
    }

    [Fact]
    public async Task Adjust_AfterTheDocumentWasReviewed_KeepsTheFilesDate()
    {
        var doc = await FixtureDocumentAsync("arbejdsgange/01-opstart/tjekliste-moede");
        var adjuster = Adjuster(new DemoReviewDate { Slug = doc.Slug, From = doc.ReviewDate.AddDays(-1), Days = -9 });

        Assert.Same(doc, adjuster.Adjust(doc));
    }

    [Fact]
    public async Task Adjust_WithoutConfiguration_ChangesNothing()
    {
        var doc = await FixtureDocumentAsync("arbejdsgange/01-opstart/tjekliste-moede");
        var adjuster = Adjuster();

        Assert.False(adjuster.IsEnabled);
        Assert.Same(doc, adjuster.Adjust(doc));
    }

    /// <summary>Fails when the shipped content's dates change, so the demo is updated instead of silently empty.</summary>
    [Fact]
    public void DevelopmentConfiguration_NamesShippedDocumentsWithTheirFileDates_AndShowsOverdueAndDueSoon()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Portal", "appsettings.Development.json")));
        var entries = json.RootElement.GetProperty("Demo").GetProperty("ReviewDates").EnumerateArray()
            .Select(e => (Slug: e.GetProperty("Slug").GetString()!, From: e.GetProperty("From").GetString()!, Days: e.GetProperty("Days").GetInt32()))
            .ToList();

        Assert.True(entries.Count(e => e.Days < 0) >= 2, "mindst to overskredne");
        Assert.True(entries.Count(e => e.Days is > 0 and <= 30) >= 2, "mindst to, der snart skal revideres");
        foreach (var (slug, from, _) in entries)
        {
            var file = Path.Combine(RepositoryPaths.Content, slug + ".md");
            Assert.True(File.Exists(file), $"{slug} findes ikke i content/");
            Assert.Contains($"revideres: {from}", File.ReadAllText(file));
        }
    }
}
