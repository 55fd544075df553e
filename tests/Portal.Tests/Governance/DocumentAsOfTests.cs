using Microsoft.Extensions.DependencyInjection;
using Portal.Governance;
using Portal.Tests.Editing;

namespace Portal.Tests.Governance;

public class DocumentAsOfTests
{
    private const string Slug = EditingHarness.Procedure;

    [Fact]
    public async Task AsOf_ShowsTheVersionPublishedOnTheDate_AndNamesTheCurrentOne()
    {
        await using var harness = await EditingHarness.CreateAsync(configure: s => s.AddSingleton<DocumentAsOf>());
        var imported = harness.Clock.Today;
        harness.Clock.Today = imported.AddDays(10);
        var doc = await harness.LoadAsync(Slug);
        var changed = doc.Latest.Content.TrimEnd() + "\n\nNy sætning i version to.\n";
        var published = await harness.SaveAsync(Slug, changed, doc.Stamp, publish: true, comment: "Ny sætning");
        Assert.True(published.Succeeded, published.Message);
        var asOf = harness.Get<DocumentAsOf>();

        var before = await asOf.GetAsync(Slug, imported.AddDays(5), TestContext.Current.CancellationToken);
        var after = await asOf.GetAsync(Slug, imported.AddDays(10), TestContext.Current.CancellationToken);

        Assert.Equal(AsOfStatus.Found, before.Status);
        Assert.Equal(1, before.Version!.Number);
        Assert.False(before.IsCurrent);
        Assert.DoesNotContain("Ny sætning i version to", before.Document!.Html);
        Assert.StartsWith($"Sådan så arbejdsgangen ud den {Portal.Content.DanishFormat.Date(imported.AddDays(5))}", before.Banner);
        Assert.Contains($"den gældende version er version {published.VersionNumber}", before.Banner);
        Assert.True(after.IsCurrent);
        Assert.Contains("Ny sætning i version to", after.Document!.Html);
    }

    [Fact]
    public async Task AsOf_ADraft_IsNeverShown()
    {
        await using var harness = await EditingHarness.CreateAsync(configure: s => s.AddSingleton<DocumentAsOf>());
        var doc = await harness.LoadAsync(Slug);
        await harness.SaveAsync(Slug, doc.Latest.Content + "\nKladdetekst.\n", doc.Stamp, publish: false);

        var result = await harness.Get<DocumentAsOf>().GetAsync(Slug, harness.Clock.Today, TestContext.Current.CancellationToken);

        Assert.Equal(1, result.Version!.Number);
        Assert.DoesNotContain("Kladdetekst", result.Document!.Html);
    }

    [Fact]
    public async Task AsOf_BeforeTheFirstVersion_SaysSoAndWhenItCame()
    {
        await using var harness = await EditingHarness.CreateAsync(configure: s => s.AddSingleton<DocumentAsOf>());

        var result = await harness.Get<DocumentAsOf>().GetAsync(Slug, new DateOnly(2020, 1, 1), TestContext.Current.CancellationToken);
        var unknown = await harness.Get<DocumentAsOf>().GetAsync("arbejdsgange/findes-ikke", new DateOnly(2020, 1, 1), TestContext.Current.CancellationToken);

        Assert.Equal(AsOfStatus.NotYetPublished, result.Status);
        Assert.Contains("var ikke udgivet i portalen den 1. januar 2020", result.Banner);
        Assert.Equal(AsOfStatus.NotFound, unknown.Status);
    }
}
