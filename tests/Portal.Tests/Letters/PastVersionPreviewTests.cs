using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Letters;

namespace Portal.Tests.Letters;

/// <summary>The letter page's comparison with an earlier published template version: bannered, never final.</summary>
public class PastVersionPreviewTests
{
    private const string OldSentence = "Denne sætning stod kun i den gamle version.";
    private static readonly DateTimeOffset s_published = new(2025, 6, 1, 8, 0, 0, TimeSpan.Zero);

    // Version 2 (old text) and 3 (today's text) of the fixture refusal, as the document store keeps them; the fixture
    // snapshot itself serves version 1, so the page lists 3 and 2 as earlier.
    private static async Task SeedVersionsAsync(BunitContext ctx)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Letters", "Fixtures", "skabeloner", "afgoerelser", "afslag-merudgifter-test.md");
        var current = await File.ReadAllTextAsync(file, Xunit.TestContext.Current.CancellationToken);
        var old = current.TrimEnd() + "\n\n" + OldSentence + "\n";
        await using var db = await ctx.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        db.Documents.Add(new StoredDocument
        {
            Slug = LetterPageTests.Refusal,
            PublishedVersionNumber = 3,
            LatestVersionNumber = 4,
            Versions =
            [
                new() { Number = 2, Content = old, ContentHash = ContentHash.Of(old), CreatedAt = s_published, Author = "test", State = VersionState.Published },
                new() { Number = 3, Content = current, ContentHash = ContentHash.Of(current), CreatedAt = s_published.AddDays(30), Author = "test", State = VersionState.Published },
                new() { Number = 4, Content = current + "\nKladde.\n", ContentHash = "kladde", CreatedAt = s_published.AddDays(40), Author = "test", State = VersionState.Draft },
            ],
        });
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EarlierVersion_RendersTheOldText_WithTheComparisonBanner_AndIsNotTheCurrentLetter()
    {
        await using var ctx = LetterPageTests.CreateContext(new DateOnly(2026, 11, 24));
        await SeedVersionsAsync(ctx);
        var versions = ctx.Services.GetRequiredService<PastTemplateVersions>();
        var set = ctx.Services.GetRequiredService<LetterCatalog>().Current;
        var current = set.Find(LetterPageTests.Refusal)!;
        var currentTemplate = current with { Document = current.Document with { VersionNumber = 3 } };

        var earlier = await versions.EarlierAsync(currentTemplate, Xunit.TestContext.Current.CancellationToken);
        var past = await versions.LoadAsync(currentTemplate, earlier.Single(), Xunit.TestContext.Current.CancellationToken);
        var state = new LetterFormState(currentTemplate, new DateOnly(2026, 11, 24));
        var result = versions.Render(set, past!, state.ToRequest(), Caseworker.From(Portal.Auth.UserProfile.From(new System.Security.Claims.ClaimsPrincipal())));
        var html = string.Concat(result.Letters.Select(l => LetterHtml.Compose(l, result.Context, banner: past!.Banner)));

        Assert.Equal(2, Assert.Single(earlier).Number);
        Assert.Contains(OldSentence, html);
        Assert.Contains("Tidligere version – kun til sammenligning", html);
        Assert.Contains("version 2, udgivet 1. juni 2025", past!.Banner);
        Assert.Contains("den gældende version er version 3", past.Banner);
        Assert.False(result.IsFinal);
    }

    [Fact]
    public async Task LetterPage_PickingAnEarlierVersion_ShowsItBesideTheCurrent_Bannered_WithNoDownloadFromIt()
    {
        await using var ctx = LetterPageTests.CreateContext(new DateOnly(2026, 11, 24));
        await SeedVersionsAsync(ctx);

        var page = LetterPageTests.Render(ctx);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#tidligere-version")));
        var select = page.FindComponent<MudBlazor.MudSelect<int?>>();
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(2));

        page.WaitForAssertion(() => Assert.Contains("Tidligere version – kun til sammenligning", page.Find(".past-version-banner").TextContent));
        Assert.Contains(OldSentence, page.Find(".past-version-preview").TextContent);
        Assert.DoesNotContain(OldSentence, page.Find(".letter-preview").TextContent);
        var section = page.Find("section.past-version");
        Assert.Contains("Sammenlign med en tidligere version", section.TextContent);
        Assert.DoesNotContain(section.QuerySelectorAll("button"), b => b.TextContent.Contains("Hent", StringComparison.Ordinal) || b.TextContent.Contains("Udskriv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LetterPage_WithoutEarlierVersions_SaysSo()
    {
        await using var ctx = LetterPageTests.CreateContext(new DateOnly(2026, 11, 24));

        var page = LetterPageTests.Render(ctx);

        page.WaitForAssertion(() => Assert.Contains("ingen tidligere udgivne versioner", page.Find(".no-earlier-versions").TextContent));
    }
}
