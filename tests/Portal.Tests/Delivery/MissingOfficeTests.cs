using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Delivery;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Delivery;

/// <summary>A server without LibreOffice: the portal starts, PDF and sending are off with a Danish notice, nothing is queued.</summary>
public sealed class MissingOfficeTests : IAsyncLifetime
{
    private readonly NoOfficeFactory _factory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task NoLibreOffice_PortalStarts_LetterPageShowsTheNotice_PdfIs503_SendQueuesNothing()
    {
        var client = await _factory.SignInAsync("sagsbehandler");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Token)).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/breve/ny/" + DeliveryFactory.Receipt, Token));
        Assert.Contains(PdfConverter.MissingNotice, page);

        var pdf = await client.PostAsJsonAsync($"/api/templates/{DeliveryFactory.Receipt}/render?format=pdf", DeliveryRequests.ReceiptFields, Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("LibreOffice er ikke installeret", await pdf.Content.ReadAsStringAsync(Token));

        var send = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt, confirm: true), Token);
        Assert.Equal(HttpStatusCode.BadRequest, send.StatusCode);
        Assert.Contains("LibreOffice er ikke installeret", await send.Content.ReadAsStringAsync(Token));
        using var scope = _factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Outbox.CountAsync(Token));
    }

    /// <summary>The delivery portal's content and profile, but soffice pointed at a file that does not exist.</summary>
    private sealed class NoOfficeFactory() : PortalFactory(DeliveryFactory.ApprovedContent())
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Auth:DemoUsers:0:Title", "Socialrådgiver"),
            new("Auth:DemoUsers:0:Phone", "72 11 22 33"),
            new("Auth:DemoUsers:0:PhoneHours", "tirsdag og torsdag kl. 8.30-10"),
            new("Delivery:Pdf:Soffice", "/ingen/libreoffice/soffice"),
        ];
    }
}
