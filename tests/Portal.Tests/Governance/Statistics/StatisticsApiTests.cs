using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Reviews;
using Portal.Tests.Infrastructure;
using Portal.Transition;

namespace Portal.Tests.Governance.Statistics;

/// <summary>/statistik and /api/statistik/{key}.csv: coordinators and up only, Danish CSV from the portal's own records.</summary>
public class StatisticsApiTests(StatisticsFactoryFixture fixture) : IClassFixture<StatisticsFactoryFixture>
{
    private readonly PortalFactory _factory = fixture.Factory;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> CsvAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    [Theory]
    [InlineData(Roles.Caseworker, HttpStatusCode.Forbidden)]
    [InlineData(Roles.Coordinator, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    public async Task Csv_IsForCoordinatorsAndUp(string role, HttpStatusCode expected)
    {
        var response = await _factory.CreateClientAs(role).GetAsync("/api/statistik/breve.csv", Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Csv_Anonymous_Is401_AndAnUnknownSection_Is404InDanish()
    {
        var anonymous = await _factory.CreateAnonymousClient().GetAsync("/api/statistik/breve.csv", Ct);
        var unknown = await _factory.CreateClientAs(Roles.Coordinator).GetAsync("/api/statistik/findes-ikke.csv", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("Der er ingen statistik med navnet 'findes-ikke'", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Csv_CountsLettersFromTheAuditLog_PerParagraph_AndGenvurderinger()
    {
        var at = fixture.Now;
        await fixture.AddAsync(
            Letter(at, "skabeloner/afgoerelser/boern/afslag-merudgifter", "afslag", "børn", "Barnets Lov § 86"),
            Letter(at, "skabeloner/afgoerelser/boern/afslag-merudgifter", "afslag", "børn", "Barnets Lov § 86"),
            Letter(at, "skabeloner/afgoerelser/voksne/bevilling-merudgifter", "bevilling", "voksen", "Serviceloven § 100"),
            Letter(at, "skabeloner/breve/genvurdering-fastholdt", null, "fælles", "Retssikkerhedsloven § 66"),
            Letter(at, "skabeloner/afgoerelser/voksne/genvurdering-medhold", "andet", "voksen", "Serviceloven § 1"),
            Letter(at.AddYears(-3), "skabeloner/afgoerelser/boern/afslag-merudgifter", "afslag", "børn", "Barnets Lov § 86"));
        var client = _factory.CreateClientAs(Roles.Coordinator);
        var month = Portal.Governance.StatisticsMonth.Of(at).Label;

        var decisions = await CsvAsync(await client.GetAsync("/api/statistik/afgoerelser.csv", Ct));
        var letters = await CsvAsync(await client.GetAsync("/api/statistik/breve.csv", Ct));
        var reappraisals = await CsvAsync(await client.GetAsync("/api/statistik/genvurderinger.csv", Ct));

        Assert.StartsWith("Område;Paragraf;Afslag;Delvis bevilling;Bevilling;I alt\r\n", decisions);
        Assert.Contains("Børn;Barnets Lov § 86;2;0;0;2\r\n", decisions);
        Assert.Contains("Voksne;Serviceloven § 100;0;0;1;1\r\n", decisions);
        Assert.DoesNotContain("Serviceloven § 1;", decisions);
        Assert.StartsWith("Måned;Skabelon;Antal\r\n", letters);
        Assert.Contains($"{month};skabeloner/afgoerelser/boern/afslag-merudgifter;2\r\n", letters);
        Assert.Equal($"Måned;Genvurderinger;Fastholdt;Medhold\r\n{month};2;1;1\r\n", reappraisals);
    }

    [Fact]
    public async Task Csv_TransitionPlans_PerQuarter_AndReviews_PerTovholder()
    {
        var at = fixture.Now;
        await fixture.AddAsync(
            new AuditEntry { At = at, User = "x", Action = AuditActions.TransitionPlanned, Target = TransitionUsage.ListTarget, Details = TransitionUsage.Details(12) },
            new AuditEntry { At = at, User = "x", Action = AuditActions.TransitionPlanned, Target = TransitionUsage.PlannerTarget, Details = TransitionUsage.Details(1) });
        await fixture.AddReviewsAsync(
            new ReviewRecord { Slug = "arbejdsgange/02-tilbud/ventilen", Reviewer = "x", ReviewedAt = at, PreviousReviewDate = DateOnly.FromDateTime(at.UtcDateTime).AddDays(5), NextReviewDate = new DateOnly(2099, 1, 1) },
            new ReviewRecord { Slug = "arbejdsgange/02-tilbud/ventilen", Reviewer = "x", ReviewedAt = at, PreviousReviewDate = DateOnly.FromDateTime(at.UtcDateTime).AddDays(-5), NextReviewDate = new DateOnly(2099, 1, 1) });
        var client = _factory.CreateClientAs(Roles.Coordinator);

        var transition = await CsvAsync(await client.GetAsync("/api/statistik/overgang.csv", Ct));
        var reviews = await CsvAsync(await client.GetAsync("/api/statistik/revision.csv", Ct));

        Assert.Equal($"Kvartal;Sager\r\n{Portal.Governance.StatisticsQuarter.Of(at).Label};13\r\n", transition);
        Assert.StartsWith("Tovholder;Til tiden;For sent;Gennemgået i alt;Overskredet nu\r\n", reviews);
        Assert.Matches(@"\r\n[^;\r\n]+;1;1;2;\d+\r\n", reviews);
    }

    [Fact]
    public async Task Page_Coordinator_SeesEverySection_WithTableCaptionAndCsvLink_CaseworkerIsSentAway()
    {
        // Its own letter, so a table (with its caption) is there whichever test of the class runs first.
        await fixture.AddAsync(Letter(fixture.Now, "skabeloner/breve/statistiksidens-test", null, "fælles", "Forvaltningsloven § 19"));
        var coordinator = await _factory.SignInAsync("koordinator");
        var caseworker = await _factory.SignInAsync("sagsbehandler");

        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/statistik", Ct));
        var denied = await caseworker.GetAsync("/statistik", Ct);

        Assert.Contains("<h1", page);
        foreach (var key in new[] { "breve", "afgoerelser", "genvurderinger", "overgang", "revision" })
        {
            Assert.Contains($"href=\"/api/statistik/{key}.csv\"", page);
            Assert.Contains($"id=\"{key}-titel\"", page);
        }
        Assert.Contains("<caption", page);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    private static AuditEntry Letter(DateTimeOffset at, string template, string? outcome, string area, string paragraph) => new()
    {
        At = at,
        User = "x",
        Action = AuditActions.LetterGenerated,
        Target = template,
        Details = System.Text.Json.JsonSerializer.Serialize(new { template, version = 1, format = "docx", outcome, area, paragraph }),
    };
}

public sealed class StatisticsFactoryFixture : IAsyncLifetime
{
    public PortalFactory Factory { get; } = new();

    /// <summary>Noon UTC today: inside the period and the same Danish month and quarter whatever the hour the suite runs.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            return new DateTimeOffset(now.Year, now.Month, now.Day, 11, 0, 0, TimeSpan.Zero);
        }
    }

    public async Task AddAsync(params AuditEntry[] entries)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync();
    }

    public async Task AddReviewsAsync(params ReviewRecord[] records)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.Reviews.AddRange(records);
        await db.SaveChangesAsync();
    }

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
