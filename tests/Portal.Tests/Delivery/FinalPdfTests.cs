using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Portal.Auth;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Portal.Tests.Delivery;

public class FinalPdfTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> RenderPdf(string template)
    {
        var client = await fixture.Factory.SignInAsync("sagsbehandler");
        return await client.PostAsJsonAsync($"/api/templates/{template}/render?format=pdf", DeliveryRequests.ReceiptFields, Token);
    }

    [Fact]
    public async Task RenderPdf_ApprovedTemplate_IsTaggedPdfA2bInDanishWithTheManifest()
    {
        var response = await RenderPdf(DeliveryFactory.Receipt);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Contains("Vi har modtaget din ansøgning", text);
        Assert.Contains("merudgifter", text);

        Assert.True(pdf.TryGetXmpMetadata(out var xmp));
        var xml = xmp.GetXDocument();
        XNamespace pdfaid = "http://www.aiim.org/pdfa/ns/id/";
        XNamespace pdfNs = "http://ns.adobe.com/pdf/1.3/";
        Assert.Equal("2", xml.Descendants(pdfaid + "part").Single().Value);
        Assert.Equal("B", xml.Descendants(pdfaid + "conformance").Single().Value);
        var keywords = xml.Descendants(pdfNs + "Keywords").Single().Value;
        Assert.StartsWith("handicapportal-manifest/1; skabelon=" + DeliveryFactory.Receipt + "; version=", keywords);
        Assert.Matches("tekst-hash=[0-9a-f]{64}", keywords);
        Assert.Contains("kultur=da-DK", keywords);
        Assert.Contains("satstabel=", keywords);
        Assert.Contains("LibreOffice 7", keywords);
        Assert.DoesNotContain("merudgifter", keywords);

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(NameToken.StructTreeRoot));
        Assert.True(catalog.TryGet(NameToken.Lang, out var lang));
        Assert.Equal("da-DK", lang is StringToken s ? s.Data : lang.ToString());
        Assert.All(Fonts(bytes), line => Assert.Equal("yes", line));
    }

    [Fact]
    public async Task RenderPdf_SameTemplateAndValues_GivesTheSameText()
    {
        var first = await (await RenderPdf(DeliveryFactory.Receipt)).Content.ReadAsByteArrayAsync(Token);
        var second = await (await RenderPdf(DeliveryFactory.Receipt)).Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(Text(first), Text(second));
    }

    [Fact]
    public async Task RenderPdf_ApiKeyWithoutProfile_IsADraftAndRefused()
    {
        var response = await fixture.Factory.CreateClientAs(Roles.Caseworker)
            .PostAsJsonAsync($"/api/templates/{DeliveryFactory.Receipt}/render?format=pdf", DeliveryRequests.ReceiptFields, Token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("udkast", await response.Content.ReadAsStringAsync(Token), StringComparison.OrdinalIgnoreCase);
    }

    private static string Text(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => p.Text));
    }

    // poppler's pdffonts: the "emb" column of every font.
    private static IReadOnlyList<string> Fonts(byte[] bytes)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, bytes);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdffonts", file) { RedirectStandardOutput = true })!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            process.WaitForExit();
            Assert.NotEmpty(lines);
            return lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^5]).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
