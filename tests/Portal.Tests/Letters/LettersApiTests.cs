using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

public class LettersApiTests(LettersFactoryFixture fixture) : IClassFixture<LettersFactoryFixture>
{
    private const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";
    private const string Receipt = "skabeloner/breve/kvittering-test";
    private readonly PortalFactory _factory = fixture.Factory;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static object ValidFields(Action<Dictionary<string, object?>>? change = null)
    {
        var fields = new Dictionary<string, object?>
        {
            ["barnets_navn"] = "Emma Eksempel",
            ["ansoegningsdato"] = "2026-09-14",
            ["gruppe"] = "gruppe I",
            ["beloeb"] = 450,
            ["mundtlig_dato"] = "2026-11-23",
            ["faktiske_forhold"] = "Fakta.",
            ["vurdering"] = "Vurdering.",
            ["partshoering"] = "Partshørt",
            ["partshoering_dato"] = "2026-11-16",
            ["partshoering_emne"] = "udtalelsen fra sygehuset",
        };
        change?.Invoke(fields);
        return fields;
    }

    private async Task<HttpResponseMessage> Render(string slug, object body, string query = "") =>
        await _factory.CreateClientAs(Roles.Caseworker).PostAsJsonAsync($"/api/templates/{slug}/render{query}", body, Token);

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Token);

    [Theory]
    [InlineData("GET", "/api/templates")]
    [InlineData("GET", "/api/templates/" + Refusal)]
    [InlineData("POST", "/api/templates/" + Refusal + "/render")]
    public async Task Api_Anonymous_Gets401(string method, string url)
    {
        var response = await _factory.CreateAnonymousClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) }, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Caseworker)]
    [InlineData(Roles.Coordinator)]
    [InlineData(Roles.Administrator)]
    public async Task Api_CaseworkerOrAbove_CanListAndRender(string role)
    {
        var client = _factory.CreateClientAs(role);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/templates", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/templates/" + Receipt, Token)).StatusCode);
        var response = await client.PostAsJsonAsync($"/api/templates/{Receipt}/render", new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" }, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Render_SignedInCaseworker_LetterHasTheirProfileAndTheConfiguredUnit()
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        var response = await client.PostAsJsonAsync($"/api/templates/{Receipt}/render", new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode((await Json(response)).GetProperty("html").GetString()!);
        Assert.Contains("Demo sagsbehandler, Socialrådgiver", html);
        Assert.Contains("Telefon: 72 11 22 33 (tirsdag og torsdag kl. 8.30-10)", html);
        Assert.Contains("sagsbehandler@test.example", html);
        Assert.Contains(LettersFactoryFixture.UnitName, html);
        Assert.Contains("Eksempel Kommune", html);
    }

    [Fact]
    public async Task List_LeavesOutATemplateWithCompileErrors()
    {
        var list = await _factory.CreateClientAs(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/templates", Token);

        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("id").GetString() == LettersFactoryFixture.BrokenTemplate[..^3]);
    }

    [Fact]
    public async Task CompileError_IsShownToCoordinators_WithFileLineAndColumnInDanish()
    {
        var errors = await _factory.CreateClientAs(Roles.Coordinator).GetFromJsonAsync<JsonElement>("/api/content/errors", Token);

        var error = Assert.Single(errors.EnumerateArray(), e => e.GetProperty("file").GetString() == LettersFactoryFixture.BrokenTemplate && e.GetProperty("severity").GetString() == "fejl");
        Assert.Equal("fejl", error.GetProperty("severity").GetString());
        Assert.Equal(17, error.GetProperty("line").GetInt32());
        Assert.Matches(@"[Ll]inje 17, kolonne \d+", error.GetProperty("message").GetString());
        Assert.Contains("{{ end }}", error.GetProperty("message").GetString());

        var page = System.Net.WebUtility.HtmlDecode(await (await _factory.SignInAsync("koordinator")).GetStringAsync("/indholdsfejl", Token));
        Assert.Contains(LettersFactoryFixture.BrokenTemplate, page);
        Assert.Contains("kolonne", page);
    }

    [Fact]
    public async Task List_HasTemplatesWithOwnerReviewDateAndFields()
    {
        var list = await _factory.CreateClientAs(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/templates", Token);

        var refusal = list.EnumerateArray().Single(t => t.GetProperty("id").GetString() == Refusal);
        Assert.Equal("Afslag på merudgifter (test)", refusal.GetProperty("title").GetString());
        Assert.Equal("afgørelse", refusal.GetProperty("type").GetString());
        Assert.Equal("afslag", refusal.GetProperty("decisionType").GetString());
        Assert.Equal("børn", refusal.GetProperty("area").GetString());
        Assert.Equal("Barnets Lov § 86", refusal.GetProperty("legalBasis")[0].GetString());
        Assert.Equal("Test Koordinator", refusal.GetProperty("owner").GetProperty("name").GetString());
        Assert.Equal("2027-06-30", refusal.GetProperty("reviewDate").GetString());
        var oral = refusal.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "mundtlig_dato");
        Assert.Equal("dato", oral.GetProperty("type").GetString());
        Assert.True(oral.GetProperty("required").GetBoolean());
        Assert.DoesNotContain(list.EnumerateArray(), t => t.GetProperty("type").GetString() == "frase");
    }

    [Fact]
    public async Task Detail_HasSampleAndSource()
    {
        var detail = await _factory.CreateClientAs(Roles.Caseworker).GetFromJsonAsync<JsonElement>("/api/templates/" + Receipt, Token);

        Assert.Equal("kvittering-test", detail.GetProperty("template").GetProperty("id").GetString()!.Split('/')[^1]);
        Assert.Equal("2026-11-16", detail.GetProperty("example").GetProperty("modtaget_dato").GetString());
        Assert.Contains("{{ include 'kontaktoplysninger' }}", detail.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Detail_Unknown_Gets404()
    {
        var response = await _factory.CreateClientAs(Roles.Caseworker).GetAsync("/api/templates/skabeloner/findes-ikke", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Render_Valid_ReturnsHtmlAndFridayWarning()
    {
        var response = await Render(Refusal, new
        {
            fields = ValidFields(),
            sendDate = "2026-11-27",
            recipients = new[] { new { navn = "Anna Andersen", rolle = "forældremyndighedsindehaver", adresse = "Vejen 1\n7100 Vejle" } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Json(response);
        Assert.Contains("Afslag på merudgifter til Emma Eksempel", json.GetProperty("html").GetString());
        Assert.Contains("Anna Andersen", json.GetProperty("html").GetString());
        Assert.Equal("fredag", json.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("2026-12-28", json.GetProperty("complaintDeadline").GetString()); // juledag moves to the next working day
        Assert.False(json.GetProperty("final").GetBoolean());
        Assert.Contains("Udkast – skabelonen er ikke juridisk godkendt", json.GetProperty("banner").GetString());
        Assert.Contains("Digital Post", json.GetProperty("complaintExplanation").GetString());
        Assert.Equal(1, json.GetProperty("letters").GetArrayLength());
    }

    [Fact]
    public async Task Render_Recipients_PerRecipientOrWithCopyList_AsTheTemplateSays()
    {
        var recipients = new[]
        {
            new { navn = "Anna Andersen", rolle = "borger", adresse = "Vejen 1" },
            new { navn = "Vera Værge", rolle = "værge", adresse = "Torvet 3" },
            new { navn = "Per Partsrepræsentant", rolle = "partsrepræsentant", adresse = "" },
        };

        var each = await Json(await Render(Refusal, new { fields = ValidFields(), sendDate = "2026-11-24", recipients }));
        var copy = await Json(await Render(Receipt, new { fields = new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" }, sendDate = "2026-11-24", recipients }));

        Assert.Equal(["borger", "værge", "partsrepræsentant"], each.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("role").GetString()));
        Assert.DoesNotContain("Kopi til", each.GetProperty("html").GetString());
        var letter = Assert.Single(copy.GetProperty("letters").EnumerateArray());
        Assert.Equal("Anna Andersen", letter.GetProperty("recipient").GetString());
        Assert.Contains("Kopi til: Vera Værge (værge), Per Partsrepræsentant (partsrepræsentant)", System.Net.WebUtility.HtmlDecode(letter.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task Render_FieldsAsTopLevelObject_IsAccepted()
    {
        var response = await Render(Receipt, new { modtaget_dato = "2026-11-16", ydelse = "merudgifter" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("merudgifter", (await Json(response)).GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("barnets_navn", null, "barnets_navn", "'Barnets navn' skal udfyldes.")]
    [InlineData("mundtlig_dato", null, "mundtlig_dato", "skal udfyldes")]
    [InlineData("ansoegningsdato", "14/13/2026", "ansoegningsdato", "skal være en dato")]
    [InlineData("beloeb", "mange", "beloeb", "skal være et beløb")]
    [InlineData("gruppe", "gruppe III", "gruppe", "er ikke en af mulighederne")]
    [InlineData("ukendt_felt", "x", "ukendt_felt", "intet felt")]
    public async Task Render_InvalidField_Gets400WithDanishError(string field, string? value, string errorField, string message)
    {
        var response = await Render(Refusal, new { fields = ValidFields(f => f[field] = value) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == errorField && e.GetProperty("message").GetString()!.Contains(message));
    }

    [Theory]
    [InlineData("{\"fields\": {}, \"sendDate\": \"i morgen\"}", "sendDate")]
    [InlineData("{\"fields\": {}, \"recipients\": [{\"navn\": \"A\", \"rolle\": \"nabo\"}]}", "recipients[0].rolle")]
    [InlineData("{\"fields\": 3}", "fields")]
    [InlineData("[1, 2]", null)]
    [InlineData("{ ikke json", null)]
    public async Task Render_BadRequestBody_Gets400(string body, string? field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await _factory.CreateClientAs(Roles.Caseworker).PostAsync($"/api/templates/{Receipt}/render", content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Json(response)).GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Render_UnknownTemplate_Gets404()
    {
        var response = await Render("skabeloner/findes-ikke", new { fields = new { } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Render_Docx_ReturnsWordFileWithTheText()
    {
        var response = await Render(Refusal, new { fields = ValidFields(), sendDate = "2026-11-24" }, "?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocxWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("afslag-merudgifter-test-2026-11-24.docx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var docx = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token)), false);
        Assert.Contains("Afslag på merudgifter til Emma Eksempel", docx.MainDocumentPart!.Document!.Body!.InnerText);
    }

    [Fact]
    public async Task Render_IsAudited_WithoutCaseData()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var response = await Render(Refusal, new
        {
            fields = ValidFields(f => f["barnets_navn"] = "Hemmelig Person"),
            sendDate = "2026-11-24",
            recipients = new[] { new { navn = "Skjult Modtager", rolle = "værge", adresse = "Lønligvej 9" } },
        }, "?format=docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entries = await db.AuditLog.Where(a => a.Action == AuditActions.LetterGenerated && a.Target == Refusal).ToListAsync(Token);

        var entry = entries.MaxBy(e => e.Id)!;
        Assert.Contains("\"format\":\"docx\"", entry.Details);
        Assert.Equal("test-sagsbehandler (api:test-sagsbehandler)", entry.User);
        using var details = JsonDocument.Parse(entry.Details!);
        Assert.Equal(64, details.RootElement.GetProperty("hash").GetString()!.Length);
        Assert.Equal(1, details.RootElement.GetProperty("version").GetInt32());
        // The statistics count by the template's outcome, area and main paragraph as they were when the letter was made.
        Assert.Equal("afslag", details.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("børn", details.RootElement.GetProperty("area").GetString());
        Assert.Equal("Barnets Lov § 86", details.RootElement.GetProperty("paragraph").GetString());
        Assert.True(details.RootElement.GetProperty("partials").TryGetProperty("klagevejledning", out _));
        Assert.True(entry.At >= before);
        Assert.Equal(HttpStatusCode.OK, (await Render(Refusal, new { fields = ValidFields(), sendDate = "2026-11-24" })).StatusCode);
        Assert.Contains(await db.AuditLog.Where(a => a.Action == AuditActions.LetterGenerated && a.Id > entry.Id).Select(a => a.Details).ToListAsync(Token), d => d!.Contains("\"format\":\"html\""));
        Assert.Equal("da-DK", details.RootElement.GetProperty("culture").GetString());
        Assert.StartsWith("Scriban", details.RootElement.GetProperty("engine").GetString());
        Assert.DoesNotContain(entries, e => new[] { "Hemmelig", "Emma", "Skjult", "Lønligvej", "Fakta", "Vurdering" }.Any(secret => $"{e.User} {e.Target} {e.Details}".Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Render_WithoutJsonContentType_Gets400()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "text/plain");
        var response = await _factory.CreateClientAs(Roles.Caseworker).PostAsync($"/api/templates/{Receipt}/render", content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>
/// One portal over the fixture library plus the fixture templates, shared by the API tests; with a broken
/// template (not served, shown to coordinators), a caseworker profile and a configured unit.
/// </summary>
public sealed class LettersFactoryFixture : IAsyncLifetime
{
    public const string BrokenTemplate = "skabeloner/breve/fejl-test.md";
    public const string UnitName = "Testenheden for Handicap";

    public PortalFactory Factory { get; } = new LettersFactory(WithBrokenTemplate(LetterKit.FixtureContent()));

    public ValueTask InitializeAsync()
    {
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    private static TestContentDirectory WithBrokenTemplate(TestContentDirectory content)
    {
        content.Write(BrokenTemplate, """
            ---
            titel: Fejl (test)
            type: brev
            område: fælles
            tovholder: koordinator-boern
            revideres: 2027-06-30
            felter:
              - navn: navn
                label: Navn
                type: tekst
            eksempel:
              navn: Emma
            ---

            # Hej

            {{ if sag.navn }}Kære {{ sag.navn }}
            """);
        return content;
    }

    private sealed class LettersFactory(TestContentDirectory content) : PortalFactory(content)
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Auth:DemoUsers:0:Title", "Socialrådgiver"),
            new("Auth:DemoUsers:0:Phone", "72 11 22 33"),
            new("Auth:DemoUsers:0:PhoneHours", "tirsdag og torsdag kl. 8.30-10"),
            new("Letters:Unit:Name", UnitName),
        ];
    }
}
