using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Portal.Editing.Pages;
using Portal.Tests.Reviews;
using static Portal.Tests.Editing.EditingHarness;

namespace Portal.Tests.Editing;

/// <summary>
/// Runs alone, after the parallel tests: the 2 MB paste is diffed in bUnit's DOM on every render, which starves
/// the renderer when the suite shares two cores with the browser tests.
/// </summary>
[CollectionDefinition(nameof(HeavyBunitCollection), DisableParallelization = true)]
public sealed class HeavyBunitCollection;

/// <summary>The editor page: front matter form, Markdown with live preview, field-level errors, and refused saves.</summary>
[Collection(nameof(HeavyBunitCollection))]
public class EditorPageTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Opens_WithTheFormFilledIn_AndThePreviewRendered()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);

        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        Assert.Equal("Rediger: Meddelelse af afslag", page.Find("h1").TextContent.Trim());
        Assert.Equal("Meddelelse af afslag", TitleInput(page).GetAttribute("value"));
        Assert.Contains("Udgivet version 1", page.Find(".editor-status").TextContent);
        var preview = page.Find("[data-testid=forhaandsvisning]");
        Assert.NotEmpty(preview.QuerySelectorAll("h2"));
        Assert.DoesNotContain("titel:", preview.TextContent);
    }

    [Fact]
    public async Task TypingMarkdown_UpdatesThePreview_AndSanitisesIt()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        page.Find(".markdown-input textarea").Input("## Ny overskrift\n\nTekst med **fed** skrift.\n\n<script>alert(1)</script>");

        await page.WaitForAssertionAsync(() =>
        {
            var preview = page.Find("[data-testid=forhaandsvisning]");
            Assert.Equal("Ny overskrift", preview.QuerySelector("h2")?.TextContent);
            Assert.Equal("fed", preview.QuerySelector("strong")?.TextContent);
            Assert.Empty(preview.QuerySelectorAll("script"));
        }, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task InvalidFrontMatter_ShowsDanishErrorAtTheField_AndSavesNothing()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        TitleInput(page).Change("");
        await ClickAsync(page, "Udgiv");

        await page.WaitForAssertionAsync(() => Assert.Contains("Dokumentet er ikke gemt, fordi der er fejl", page.Find(".editor-message").TextContent));
        Assert.Contains("Titel:", page.Find(".field-errors").TextContent);
        var titleField = page.FindAll(".front-matter-form .mud-input-control")[0];
        Assert.Contains("Feltet 'titel' mangler", titleField.QuerySelector(".mud-input-helper-text")?.TextContent);
        await AssertNothingSavedAsync(h);
    }

    [Theory]
    [InlineData("revideres: 2099-06-30", "revideres: 30-06-2099", "Revideres senest:", "revideres")]
    [InlineData("tags: [afslag, mundtlig]", "tags: [afslag, mundtlig", "Front matter:", "ikke gyldig YAML")]
    public async Task InvalidYamlInTheAdvancedField_ShowsTheErrorByField_AndSavesNothing(string find, string replace, string label, string expected)
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));
        var yaml = page.Find(".front-matter-form .code-input textarea");
        Assert.Contains(find, yaml.TextContent + yaml.GetAttribute("value"));

        yaml.Change((yaml.GetAttribute("value") ?? yaml.TextContent).Replace(find, replace));
        await ClickAsync(page, "Udgiv");

        await page.WaitForAssertionAsync(() => Assert.Contains(label, page.Find(".field-errors").TextContent));
        Assert.Contains(expected, page.Find(".field-errors").TextContent);
        await AssertNothingSavedAsync(h);
    }

    [Fact]
    public async Task BrokenLinkInTheText_ShowsTheErrorAtTheTextField_AndSavesNothing()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        TypeMarkdown(page, "Se [noget](findes-ikke.md).");
        await ClickAsync(page, "Gem kladde");

        await page.WaitForAssertionAsync(() => Assert.Contains("Tekst:", page.Find(".field-errors").TextContent));
        Assert.Contains("findes-ikke", page.Find(".markdown-pane .mud-input-error").TextContent);
        await AssertNothingSavedAsync(h);
    }

    [Fact]
    public async Task TwoMegabytePaste_IsRefusedWithADanishMessage_AndSavesNothing()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));
        var paste = string.Concat(Enumerable.Repeat("Linje med tekst om afslag og klage. ", 2_000_000 / 36 + 1));

        TypeMarkdown(page, paste);

        await page.WaitForAssertionAsync(() => Assert.Contains("Teksten er for stor", page.Find("[data-testid=forhaandsvisning]").TextContent), TimeSpan.FromSeconds(30));
        await ClickAsync(page, "Gem kladde");
        await page.WaitForAssertionAsync(() => Assert.Contains("Teksten er for stor", page.Find(".editor-message").TextContent), TimeSpan.FromSeconds(30));
        await AssertNothingSavedAsync(h);
    }

    [Fact]
    public async Task Publish_SavesANewVersion_AndSaysSo()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        TypeMarkdown(page, "Ny tekst.");
        page.Find(".save-bar input").Change("Forenklet");
        await ClickAsync(page, "Udgiv");

        await page.WaitForAssertionAsync(() => Assert.Equal("Version 2 er udgivet og skrevet til content/.", page.Find(".editor-message").TextContent.Trim()));
        Assert.Contains("Udgivet version 2 af Test Bruger", page.Find(".editor-status").TextContent);
        var version = (await h.Editing.LoadAsync(Procedure)).Latest;
        Assert.Equal(("Test Bruger", "Forenklet"), (version.Author, version.Comment));
        Assert.EndsWith("\nNy tekst.", version.Content.TrimEnd());
    }

    [Fact]
    public async Task Publish_WithoutAComment_SaysWhatIsMissing_AndSavesNothing()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        TypeMarkdown(page, "Ny tekst uden begrundelse.");
        await ClickAsync(page, "Udgiv");

        await page.WaitForAssertionAsync(() => Assert.Contains("Skriv en ændringskommentar, før du udgiver", page.Find(".save-bar").TextContent));
        Assert.Equal(1, (await h.Editing.LoadAsync(Procedure)).Latest.Number);
    }

    [Fact]
    public async Task SecondOfTwoSessions_IsRefused_AndShownBothVersions()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);
        var first = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));
        var second = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, Procedure));

        TypeMarkdown(first, "Første koordinators tekst.");
        first.Find(".save-bar input").Change("Første");
        await ClickAsync(first, "Udgiv");
        first.WaitForAssertion(() => Assert.Contains("Version 2 er udgivet", first.Find(".editor-message").TextContent));
        TypeMarkdown(second, "Anden koordinators tekst.");
        second.Find(".save-bar input").Change("Anden");
        await ClickAsync(second, "Udgiv");

        second.WaitForAssertion(() => Assert.Contains("Din ændring er ikke gemt: Test Bruger har gemt version 2", second.Find(".save-conflict").TextContent));
        var conflict = second.Find(".save-conflict").TextContent;
        Assert.Contains("Første koordinators tekst.", conflict);
        Assert.Contains("Anden koordinators tekst.", conflict);
        Assert.EndsWith("\nFørste koordinators tekst.", (await h.Editing.LoadAsync(Procedure)).Latest.Content.TrimEnd());
    }

    [Fact]
    public async Task UnknownDocument_SaysSoInDanish()
    {
        await using var h = await ReviewHarness.StartAsync();
        await using var ctx = ReviewBunit.Create(h);

        var page = ctx.Render<EditorPage>(p => p.Add(x => x.Slug, "arbejdsgange/findes-ikke"));

        Assert.Equal("Dokumentet findes ikke", page.Find("h1").TextContent.Trim());
    }

    /// <summary>Types into the debounced Markdown field and waits until the preview has caught up.</summary>
    private static void TypeMarkdown(IRenderedComponent<EditorPage> page, string text)
    {
        var before = page.Find("[data-testid=forhaandsvisning]").InnerHtml;
        page.Find(".markdown-input textarea").Input(text);
        page.WaitForAssertion(() => Assert.NotEqual(before, page.Find("[data-testid=forhaandsvisning]").InnerHtml), TimeSpan.FromSeconds(30));
    }

    private static IElement TitleInput(IRenderedComponent<EditorPage> page) => page.Find(".front-matter-form input");

    /// <summary>Finds and clicks the button in one dispatcher turn, so a pending render cannot swap its handler.</summary>
    private static Task ClickAsync(IRenderedComponent<EditorPage> page, string text) =>
        page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == text).ClickAsync(new()));

    private static async Task AssertNothingSavedAsync(ReviewHarness h)
    {
        await using var db = h.Editing.CreateDb();
        Assert.Equal(1, await db.DocumentVersions.CountAsync(v => v.Document!.Slug == Procedure, Token));
        Assert.False(await db.AuditLog.AnyAsync(Token));
    }
}
