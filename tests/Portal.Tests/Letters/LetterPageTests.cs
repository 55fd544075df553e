using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Data;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>The form generated from the template's fields, its live preview and warnings (bUnit).</summary>
public class LetterPageTests
{
    internal const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";
    private static readonly LetterKit s_kit = new();
    private static readonly Lazy<LoadedContent> s_content = new(() =>
    {
        using var dir = LetterKit.FixtureContent();
        return s_kit.Load(dir.Path);
    });

    internal static BunitContext CreateContext(DateOnly today)
    {
        var ctx = BunitSetup.CreateContext(s_content.Value.Snapshot, today: today);
        ctx.Services.AddSingleton(Options.Create(s_kit.Options));
        ctx.Services.AddSingleton(s_kit.Markdown);
        ctx.Services.AddSingleton<LetterRenderer>();
        ctx.Services.AddSingleton<LetterRules>();
        ctx.Services.AddSingleton<LetterService>();
        ctx.Services.AddSingleton<TemplateValidator>();
        ctx.Services.AddSingleton(new RateFiles(new ContentRoot(Options.Create(new ContentOptions { RootPath = Path.Combine(Path.GetTempPath(), "ingen-satser") }), new Microsoft.Extensions.Hosting.Internal.HostingEnvironment()), TimeProvider.System));
        ctx.Services.AddSingleton(sp => new LetterCatalog(sp.GetRequiredService<ContentCatalog>(), sp.GetRequiredService<TemplateValidator>(), sp.GetRequiredService<RateFiles>(), NullLogger<LetterCatalog>.Instance));
        ctx.Services.AddSingleton<DocxWriter>();
        ctx.Services.AddSingleton<LetterAudit>();
        ctx.Services.AddScoped<LetterPrefill>();
        ctx.Services.AddSingleton(new DocumentParser(s_kit.Markdown, []));
        ctx.Services.AddSingleton<Portal.Governance.DocumentAsOf>();
        ctx.Services.AddSingleton<PastTemplateVersions>();
        AddDelivery(ctx);
        return ctx;
    }

    // The page's send panel: PDF off (no LibreOffice in bUnit), an outbox over a migrated temp database.
    private static void AddDelivery(BunitContext ctx)
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"handicap-letters-send-{Guid.NewGuid():N}.db");
        ctx.Services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={dbPath}"));
        ctx.Services.AddSingleton<Portal.Audit.AuditLog>();
        ctx.Services.AddSingleton(Options.Create(new Portal.Delivery.DeliveryOptions { Pdf = { Enabled = false } }));
        ctx.Services.AddSingleton(sp => { var c = new Portal.Delivery.PdfConverter(sp.GetRequiredService<IOptions<Portal.Delivery.DeliveryOptions>>(), NullLogger<Portal.Delivery.PdfConverter>.Instance); c.Start(); return c; });
        ctx.Services.AddSingleton<Portal.Delivery.FinalLetter>();
        ctx.Services.AddSingleton<Portal.Delivery.MemoBuilder>();
        ctx.Services.AddSingleton<Portal.Delivery.OutboxSignal>();
        ctx.Services.AddSingleton<Portal.Delivery.OutboxStore>();
        ctx.Services.AddSingleton<Portal.Delivery.LetterSender>();
        // Migrated outside ctx.Services: a test may still add its own registrations before the first render.
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={dbPath}").Options);
        db.Database.Migrate();
    }

    internal static IRenderedComponent<LetterPage> Render(BunitContext ctx, string slug = Refusal) =>
        ctx.AsInteractiveServer().Render<LetterPage>(p => p.Add(x => x.TemplateSlug, slug));

    // Typing and leaving the field until the preview shows <paramref name="shown"/>. Twice in full runs (each event
    // awaited or not) the test renderer never rendered after MudBlazor's debounced input, so no check ran again for
    // 15 s; the text is typed again then, as a person would, and the test still fails when the preview never shows it.
    private static async Task TypeAsync(IRenderedComponent<LetterPage> page, string selector, string text, string shown)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.Find(selector).InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = text });
            await page.Find(selector).BlurAsync(new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
            try
            {
                await page.WaitForAssertionAsync(() => Assert.Contains(shown, page.Find(".letter-preview").TextContent), TimeSpan.FromSeconds(5));
                return;
            }
            catch (Bunit.Extensions.WaitForHelpers.WaitForFailedException) when (attempt < 3)
            {
            }
        }
    }

    [Fact]
    public async Task Form_HasAnInputForEveryField()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));

        var page = Render(ctx);

        Assert.Equal("Afslag på merudgifter (test)", page.Find("h1").TextContent);
        foreach (var field in new[] { "barnets_navn", "ansoegningsdato", "beloeb", "antal_timer", "mundtlig_dato", "faktiske_forhold", "vurdering" })
        {
            Assert.NotNull(page.Find($"#felt-{field}"));
        }
        Assert.NotNull(page.Find("#felt-partshoering"));
        Assert.NotNull(page.Find("#felt-forsendelse"));
        Assert.Contains("Vedlagte bilag", page.Find("fieldset.list-field legend").TextContent);
        Assert.NotNull(page.Find("#modtager-0-navn"));
        Assert.NotNull(page.Find("#afsendelsesdato"));
    }

    [Fact]
    public async Task TypedValue_ShowsInThePreview_Literally()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        var page = Render(ctx);

        await TypeAsync(page, "#felt-barnets_navn", "Ida <b>Test</b>", "Afslag på merudgifter til Ida <b>Test</b>");

        await page.WaitForAssertionAsync(() => Assert.Contains("Afslag på merudgifter til Ida <b>Test</b>", page.Find(".letter-preview").TextContent));
        Assert.Empty(page.FindAll(".letter-preview b"));
    }

    [Fact]
    public async Task FillWithExample_AsksBeforeOverwritingTypedValues_AndCanBeUndone()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        var dialogs = ctx.AsInteractiveServer().Render<MudBlazor.MudDialogProvider>();
        var page = Render(ctx);
        await TypeAsync(page, "#felt-barnets_navn", "Ida Jensen", "Ida Jensen");
        await page.WaitForAssertionAsync(() => Assert.Contains("Ida Jensen", page.Find(".letter-preview").TextContent));

        // The click waits for the dialog's answer, so it is awaited after answering.
        var asking = page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Contains("Udfyld med eksempel")).ClickAsync(new()));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Erstat det, du har skrevet?", dialogs.Markup));
        Assert.Contains("Barnets navn", dialogs.Markup);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Behold mine oplysninger")).ClickAsync(new()));
        await asking;
        await page.WaitForAssertionAsync(() => Assert.Equal("Ida Jensen", page.Find("#felt-barnets_navn").GetAttribute("value")));

        asking = page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Contains("Udfyld med eksempel")).ClickAsync(new()));
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Erstat med eksempel", dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Contains("Erstat med eksempel")).ClickAsync(new()));
        await asking;
        await page.WaitForAssertionAsync(() => Assert.Equal("Emma Eksempel", page.Find("#felt-barnets_navn").GetAttribute("value")));

        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Fortryd").ClickAsync(new()));
        await page.WaitForAssertionAsync(() => Assert.Equal("Ida Jensen", page.Find("#felt-barnets_navn").GetAttribute("value")));
    }

    [Fact]
    public void Draft_RoundTripsTypedValuesRecipientsAndSendDate()
    {
        var template = s_content.Value.Templates.Find(Refusal)!;
        var state = new LetterFormState(template, new DateOnly(2026, 11, 24));
        Assert.False(state.HasInput);
        state.Fill(new Dictionary<string, object?> { ["barnets_navn"] = "Ida Jensen", ["beloeb"] = 1234.5m, ["ansoegningsdato"] = "2026-09-14", ["bilag"] = new List<string> { "Lægeerklæring" } });
        state.Recipients[0].Name = "Mette Jensen";
        state.SendDate = new DateTime(2026, 11, 26);
        Assert.True(state.HasInput);

        var restored = new LetterFormState(template, new DateOnly(2026, 11, 24));
        Assert.True(LetterDraft.TryRestore(restored, LetterDraft.From(state)));

        Assert.Equal(LetterDraft.From(state), LetterDraft.From(restored));
        Assert.Equal("Mette Jensen", restored.Recipients[0].Name);
        Assert.Equal(new DateTime(2026, 11, 26), restored.SendDate);
        Assert.False(LetterDraft.TryRestore(restored, "{ikke json"));
    }

    [Fact]
    public async Task Refusal_SentOnFriday_ShowsTheWarningBesideThePreview()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 27));

        var page = Render(ctx);

        var warning = page.Find(".letter-warning");
        Assert.Equal("fredag", warning.GetAttribute("data-code"));
        Assert.Contains("fredag", warning.TextContent);
        var deadline = page.Find(".complaint-deadline").TextContent;
        Assert.Contains("Klagefrist: senest 28. december 2026", deadline); // 4 weeks is juledag: moved to the next working day
        Assert.Contains("Digital Post", deadline);
        Assert.Contains("juledag", deadline);
        Assert.Contains(LegalStatus.DraftBanner, page.Find(".draft-banner").TextContent);
        Assert.Contains(LegalStatus.DraftBanner, page.Find(".letter-draft-banner").TextContent);
    }

    [Fact]
    public async Task Download_WithMissingFields_ShowsDanishErrorsAndDoesNotDownload()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        var page = Render(ctx);

        page.FindAll("button").Single(b => b.TextContent.Contains("Hent Word")).Click();

        await page.WaitForAssertionAsync(() => Assert.Contains("Brevet kan ikke hentes endnu", page.Markup));
        Assert.Contains("'Barnets navn' skal udfyldes.", page.Markup);
        Assert.Contains("Mangler at blive udfyldt: Barnets navn", page.Find(".missing-fields").TextContent);
        Assert.DoesNotContain(ctx.JSInterop.Invocations, i => i.Identifier == "portal.downloadFile");
    }

    [Fact]
    public async Task Download_WithExample_CallsTheDownloadFunction()
    {
        var dbPath = Path.Combine(Path.GetTempPath(), $"handicap-letters-{Guid.NewGuid():N}.db");
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        ctx.Services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite($"Data Source={dbPath}"));
        ctx.Services.AddSingleton<Portal.Audit.AuditLog>();
        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var page = Render(ctx);
        page.FindAll("button").Single(b => b.TextContent.Contains("Udfyld med eksempel")).Click();

        page.FindAll("button").Single(b => b.TextContent.Contains("Hent Word")).Click();

        await page.WaitForAssertionAsync(() => Assert.Single(ctx.JSInterop.Invocations, i => i.Identifier == "portal.downloadFile"));
        var call = ctx.JSInterop.Invocations.Single(i => i.Identifier == "portal.downloadFile");
        Assert.Equal("afslag-merudgifter-test-2026-11-24.docx", call.Arguments[0]);
        Assert.Equal(DocxWriter.ContentType, call.Arguments[1]);
        await using (var scope = ctx.Services.CreateAsyncScope())
        {
            var entry = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditLog.SingleAsync(Xunit.TestContext.Current.CancellationToken);
            Assert.Equal(Refusal, entry.Target);
            Assert.DoesNotContain("Emma", entry.Details);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(dbPath);
    }

    [Fact]
    public async Task Prefill_FromAnotherTool_FillsTheForm()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        ctx.Services.GetRequiredService<LetterPrefill>().Set(Refusal, new Dictionary<string, object?> { ["barnets_navn"] = "Fra Tjeklisten", ["beloeb"] = "2.500,00" });

        var page = Render(ctx);

        Assert.Contains("Afslag på merudgifter til Fra Tjeklisten", page.Find(".letter-preview").TextContent);
        Assert.Contains("2.500,00 kr.", page.Find(".letter-preview").TextContent.Replace('\u00a0', ' '));
        Assert.Null(ctx.Services.GetRequiredService<LetterPrefill>().Take(Refusal));
    }

    [Fact]
    public async Task UnknownTemplate_SaysSoInDanish()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));

        var page = Render(ctx, "skabeloner/findes-ikke");

        Assert.Equal("Skabelonen findes ikke", page.Find("h1").TextContent);
    }

    [Fact]
    public async Task Picker_FiltersByTypeAndSearch()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));

        var page = ctx.Render<LetterPicker>();

        Assert.Equal(2, page.FindAll(".template-link").Count);
        Assert.Single(TemplateFilter.Apply(s_content.Value.Templates.Templates, "kvittering", null, null, null));
        Assert.Single(TemplateFilter.Apply(s_content.Value.Templates.Templates, null, "afgørelse", "børn", "Barnets Lov § 86"));
        Assert.Empty(TemplateFilter.Apply(s_content.Value.Templates.Templates, null, "brev", "voksen", null));
        Assert.Single(TemplateFilter.Apply(s_content.Value.Templates.Templates, "merudgifter afslag", null, null, null));
    }

    [Fact]
    public async Task Picker_SearchBox_FiltersTheRows()
    {
        await using var ctx = CreateContext(new DateOnly(2026, 11, 24));
        var page = ctx.Render<LetterPicker>();

        page.Find("#skabelon-soeg").Input("kvittering");

        await page.WaitForAssertionAsync(() => Assert.Equal("Kvittering for ansøgning (test)", Assert.Single(page.FindAll(".template-link")).TextContent));
        Assert.Contains("1 af 2 skabeloner", page.Find("[role=status]").TextContent);
    }
}
