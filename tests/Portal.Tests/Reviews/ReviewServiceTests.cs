using Microsoft.EntityFrameworkCore;
using Portal.Content;
using Portal.Documents;
using Portal.Editing;
using Portal.Reviews;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>"Markér som gennemgået": reviewer, date, next review date and history.</summary>
public class ReviewServiceTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarkReviewed_RecordsReviewerAndDate_AndSetsNextReviewDate12MonthsAhead()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 7, 15); // the procedure's date, 2099-06-30, has passed

        var result = await h.Reviews.MarkReviewedAsync(Procedure, Anne, "Alt er stadig rigtigt", Token);

        Assert.True(result.Succeeded, result.Message);
        var published = h.Editing.Snapshot.Find(Procedure)!;
        Assert.Equal(new DateOnly(2100, 7, 15), published.ReviewDate);
        Assert.Equal(ReviewStatus.Valid, published.ReviewStatusOn(new DateOnly(2099, 7, 15), 30));
        Assert.Contains("revideres: 2100-07-15", await File.ReadAllTextAsync(h.Editing.FilePath(Procedure), Token));
        var record = Assert.Single(await h.Reviews.HistoryAsync(Procedure, Token));
        Assert.Equal(("Anne Andersen", new DateOnly(2099, 6, 30), new DateOnly(2100, 7, 15)), (record.Reviewer, record.PreviousReviewDate, record.NextReviewDate));
        Assert.Equal(h.Editing.Clock.GetUtcNow(), record.ReviewedAt);
        Assert.Equal(published.VersionNumber, record.VersionNumber);
    }

    [Fact]
    public async Task MarkReviewed_ChangesOnlyTheReviewDate()
    {
        await using var h = await StartAsync();
        var before = (await h.Editing.LoadAsync(Procedure)).Latest.Content;

        await h.Reviews.MarkReviewedAsync(Procedure, Anne, cancellationToken: Token);

        var after = (await h.Editing.LoadAsync(Procedure)).Latest.Content;
        var diff = VersionDiff.Compute(before, after).Where(l => l.Kind != DiffKind.Same).ToList();
        Assert.Equal(["revideres: 2099-06-30", "revideres: 2027-11-23"], diff.Select(l => l.Text));
    }

    [Fact]
    public async Task History_ShowsEachReview_WithReviewerAndNextDate()
    {
        await using var h = await StartAsync();
        h.SetToday(2099, 7, 15);
        await h.Reviews.MarkReviewedAsync(Procedure, Anne, cancellationToken: Token);
        h.SetToday(2100, 7, 1);

        var second = await h.Reviews.MarkReviewedAsync(Procedure, Bo, cancellationToken: Token);

        Assert.True(second.Succeeded, second.Message);
        var history = (await h.Editing.Get<DocumentHistory>().GetAsync(Procedure, Token))!;
        var reviews = history.Versions.Where(v => v.Source == VersionSource.Review).ToList();
        Assert.Equal(2, reviews.Count);
        Assert.Equal("Bo Bertelsen", reviews[0].Author);
        Assert.StartsWith("Gennemgået af Bo Bertelsen 1. juli 2100. Næste revision senest 1. juli 2101.", reviews[0].Comment);
        Assert.StartsWith("Gennemgået af Anne Andersen 15. juli 2099. Næste revision senest 15. juli 2100.", reviews[1].Comment);
        Assert.True(reviews[0].IsPublished);
        Assert.Equal(["Bo Bertelsen", "Anne Andersen"], (await h.Reviews.HistoryAsync(Procedure, Token)).Select(r => r.Reviewer));
        Assert.Equal("Bo Bertelsen", (await h.Reviews.LastReviewsAsync(Token))[Procedure].Reviewer);
    }

    [Fact]
    public async Task NextReviewDate_IsConfigurablePerType()
    {
        var options = new ReviewOptions { DefaultIntervalMonths = 24 };
        options.IntervalMonthsByType["Tjekliste"] = 6;
        await using var h = await StartAsync(options);

        await h.Reviews.MarkReviewedAsync(Checklist, Anne, cancellationToken: Token);
        await h.Reviews.MarkReviewedAsync(Procedure, Anne, cancellationToken: Token);

        Assert.Equal(new DateOnly(2027, 5, 23), h.Editing.Snapshot.Find(Checklist)!.ReviewDate);
        Assert.Equal(new DateOnly(2028, 11, 23), h.Editing.Snapshot.Find(Procedure)!.ReviewDate);
    }

    [Fact]
    public async Task MarkReviewed_WithUnpublishedDraft_IsRefused_AndChangesNothing()
    {
        await using var h = await StartAsync();
        var doc = await h.Editing.LoadAsync(Procedure);
        await h.Editing.SaveAsync(Procedure, doc.Latest.Content + "\nKladde.\n", doc.Stamp, publish: false);

        var result = await h.Reviews.MarkReviewedAsync(Procedure, Anne, cancellationToken: Token);

        Assert.Equal(EditStatus.Refused, result.Status);
        Assert.Contains("kladde", result.Message);
        Assert.Equal(new DateOnly(2099, 6, 30), h.Editing.Snapshot.Find(Procedure)!.ReviewDate);
        Assert.Empty(await h.Reviews.HistoryAsync(Procedure, Token));
    }

    [Fact]
    public async Task MarkReviewed_UnknownDocument_IsNotFound()
    {
        await using var h = await StartAsync();

        var result = await h.Reviews.MarkReviewedAsync("arbejdsgange/findes-ikke", Anne, cancellationToken: Token);

        Assert.Equal(EditStatus.NotFound, result.Status);
        await using var db = h.Editing.CreateDb();
        Assert.False(await db.Reviews.AnyAsync(Token));
    }

    [Fact]
    public async Task MarkReviewed_TwiceTheSameDay_RecordsBothReviews()
    {
        await using var h = await StartAsync();
        await h.Reviews.MarkReviewedAsync(Procedure, Anne, cancellationToken: Token);

        var again = await h.Reviews.MarkReviewedAsync(Procedure, Bo, cancellationToken: Token);

        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(["Bo Bertelsen", "Anne Andersen"], (await h.Reviews.HistoryAsync(Procedure, Token)).Select(r => r.Reviewer));
    }
}
