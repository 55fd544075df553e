using Bunit;
using MudBlazor;
using Portal.Reviews.Pages;

namespace Portal.Tests.Reviews;

/// <summary>The roster page: a person's documents are listed before they are moved, then the person can retire.</summary>
public class RosterPageTests
{
    [Fact]
    public async Task MoveDocuments_ShowsThePreviewFirst_ThenMovesThem_ThenThePersonCanRetire()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<RosterPage>();

        await page.InvokeAsync(() => page.Find("button[aria-label='Flyt dokumenter fra Test Proceskonsulent']").ClickAsync(new()));

        var preview = page.FindAll(".move-preview li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, preview.Count);
        Assert.Contains(preview, t => t.Contains("Ventilen"));
        Assert.Contains(preview, t => t.Contains("Tjekliste til første møde"));
        Assert.Equal("proceskonsulent-voksen", h.Editing.Snapshot.Find(ReviewHarness.Checklist)!.Owner.Key);
        Assert.True(MoveButton(page).HasAttribute("disabled"));

        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("koordinator-boern"));
        await page.InvokeAsync(() => MoveButton(page).ClickAsync(new()));

        await page.WaitForAssertionAsync(() => Assert.Contains("2 dokumenter er flyttet til Test Koordinator.", page.Find("[role=alert]").TextContent));
        Assert.Contains("Personen er ikke tovholder for nogen dokumenter.", page.Find(".move-documents").TextContent);
        Assert.Equal("koordinator-boern", h.Editing.Snapshot.Find(ReviewHarness.Checklist)!.Owner.Key);

        await page.InvokeAsync(() => page.Find("button[aria-label='Fratræd Test Proceskonsulent']").ClickAsync(new()));

        await page.WaitForAssertionAsync(() => Assert.Contains("Test Proceskonsulent er fjernet fra tovholderlisten.", page.Find("[role=alert]").TextContent));
        Assert.DoesNotContain("Test Proceskonsulent", page.Find(".roster-table").TextContent);
    }

    [Fact]
    public async Task Retire_WhileOwningDocuments_ShowsWhyNot()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<RosterPage>();

        await page.InvokeAsync(() => page.Find("button[aria-label='Fratræd Test Koordinator']").ClickAsync(new()));

        await page.WaitForAssertionAsync(() => Assert.Contains("Test Koordinator er tovholder for 1 dokument. Flyt det til en anden tovholder først.", page.Find("[role=alert]").TextContent));
        Assert.Contains("Test Koordinator", page.Find(".roster-table").TextContent);
    }

    private static AngleSharp.Dom.IElement MoveButton(IRenderedComponent<RosterPage> page) =>
        page.FindAll(".move-documents button").Single(b => b.TextContent.Trim().StartsWith("Flyt ", StringComparison.Ordinal));
}
