using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Letters;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Letters;

/// <summary>Issue 14 §5-6 through the API: too long or unsafe case data is a Danish 400 in HTML and DOCX, never a 500, never audited.</summary>
public class LetterSafetyApiTests(LettersFactoryFixture fixture) : IClassFixture<LettersFactoryFixture>
{
    private const string Receipt = "skabeloner/breve/kvittering-test";
    private readonly PortalFactory _factory = fixture.Factory;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Unsafe()
    {
        var data = new TheoryData<string, int>();
        foreach (var format in new[] { "html", "docx" })
        {
            foreach (var code in new[] { 0x0000, 0x0007, 0x000B, 0xFFFE, 0xFFFF, 0xD800, 0xDFFF })
            {
                data.Add(format, code);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Unsafe))]
    public async Task UnsafeCharacter_Gets400NamingTheField_AndNoAuditEntry(string format, int code)
    {
        // Raw JSON: \uD800 escapes reach the server as a lone surrogate, as a hostile client would send it.
        var json = $$"""{ "fields": { "modtaget_dato": "2026-11-16", "ydelse": "merudgifter\u{{code:X4}}" }, "sendDate": "2026-11-24" }""";

        var (response, audited) = await RenderCountingAudit(json, format);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").EnumerateArray());
        Assert.Equal("ydelse", error.GetProperty("field").GetString());
        Assert.Contains($"U+{code:X4}", error.GetProperty("message").GetString());
        Assert.Equal(0, audited);
    }

    [Theory]
    [InlineData("html")]
    [InlineData("docx")]
    public async Task MegabyteField_Gets400NamingTheField_AndNoAuditEntry(string format)
    {
        var json = JsonSerializer.Serialize(new { fields = new { modtaget_dato = "2026-11-16", ydelse = new string('x', 1 << 20) }, sendDate = "2026-11-24" });

        var (response, audited) = await RenderCountingAudit(json, format);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").EnumerateArray());
        Assert.Equal("ydelse", error.GetProperty("field").GetString());
        Assert.Contains("er for lang", error.GetProperty("message").GetString());
        Assert.True(error.GetProperty("message").GetString()!.Length < 200);
        Assert.Equal(0, audited);
    }

    [Fact]
    public async Task UnsafeCharacterInRecipientAddress_Gets400_ForDocx()
    {
        var json = """{ "fields": { "modtaget_dato": "2026-11-16", "ydelse": "merudgifter" }, "recipients": [ { "navn": "Emma", "adresse": "Vej 1\u000B2000 By" } ] }""";

        var (response, audited) = await RenderCountingAudit(json, "docx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Adresse på modtager 1", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, audited);
    }

    [Fact]
    public async Task EmojiAndDanishLetters_RenderAsDocx()
    {
        var json = """{ "fields": { "modtaget_dato": "2026-11-16", "ydelse": "ål og \uD83D\uDE00" } }""";

        var (response, audited) = await RenderCountingAudit(json, "docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, audited);
    }

    private async Task<(HttpResponseMessage Response, int Audited)> RenderCountingAudit(string json, string format)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var before = await db.AuditLog.Where(a => a.Action == AuditActions.LetterGenerated).CountAsync(Token);
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        var response = await _factory.CreateClientAs(Roles.Caseworker).PostAsync($"/api/templates/{Receipt}/render?format={format}", content, Token);
        var after = await db.AuditLog.Where(a => a.Action == AuditActions.LetterGenerated).CountAsync(Token);
        return (response, after - before);
    }
}
