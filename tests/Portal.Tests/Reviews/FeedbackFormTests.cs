using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Reviews;

namespace Portal.Tests.Reviews;

/// <summary>"Giv besked til tovholder" on the static document page: a plain antiforgery form, no circuit.</summary>
public class FeedbackFormTests(SmtpPortalFixture fixture) : IClassFixture<SmtpPortalFixture>
{
    private const string Offer = "arbejdsgange/02-tilbud/ventilen";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string TokenOf(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

    private static FormUrlEncodedContent Form(string token, string kind, string text) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        [FeedbackForm.SlugField] = Offer,
        [FeedbackForm.KindField] = kind,
        [FeedbackForm.TextField] = text,
    });

    private async Task<int> MessagesWithAsync(string text)
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Token);
        return await db.OwnerMessages.CountAsync(m => m.Text == text, Token);
    }

    [Fact]
    public async Task DocumentPage_CarriesTheFormInANativeDialog_AndOpensNoCircuit()
    {
        var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");

        var html = WebUtility.HtmlDecode(await caseworker.GetStringAsync($"/dokument/{Offer}", Token));

        Assert.Contains("<dialog id=\"tovholder-besked\"", html);
        Assert.Contains($"action=\"{FeedbackForm.Path}\"", html);
        Assert.Contains("data-dialog-open=\"tovholder-besked\"", html);
        Assert.Contains("<label for=\"tovholder-besked-tekst\"", html);
        Assert.Contains("data-print", html);
        Assert.NotEmpty(TokenOf(html));
        // A prerendered interactive component leaves a server component marker; a static page has none.
        Assert.DoesNotContain("\"type\":\"server\"", html);
        Assert.DoesNotContain("mud-popover-provider", html);
    }

    [Fact]
    public async Task PlainFormPost_SavesAndMails_AndTheDocumentSaysItWasSent()
    {
        var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");
        var token = TokenOf(await caseworker.GetStringAsync($"/dokument/{Offer}", Token));
        const string text = "Telefontiderne i folderen er forkerte.";

        var response = await caseworker.PostAsync(FeedbackForm.Path, Form(token, "forældet", text), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/dokument/{Offer}?besked=sendt", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await MessagesWithAsync(text));
        Assert.Contains(fixture.Smtp.Messages, m => m.Text.Contains(text));
        var page = WebUtility.HtmlDecode(await caseworker.GetStringAsync(response.Headers.Location.OriginalString, Token));
        Assert.Contains("Tak. Beskeden er sendt til", page);
    }

    [Fact]
    public async Task ScriptPost_WithACprNumber_Gets400WithTheDanishReason_AndNothingIsSaved()
    {
        var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");
        var token = TokenOf(await caseworker.GetStringAsync($"/dokument/{Offer}", Token));
        const string text = "Borgeren 010190-1234 fik forkert svar.";
        var request = new HttpRequestMessage(HttpMethod.Post, FeedbackForm.Path) { Content = Form(token, "uklart", text) };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await caseworker.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.Contains("CPR-nummer", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await MessagesWithAsync(text));
    }

    [Fact]
    public async Task ScriptPost_Accepted_AnswersWithTheMessageTheDialogShows()
    {
        var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");
        var token = TokenOf(await caseworker.GetStringAsync($"/dokument/{Offer}", Token));
        var request = new HttpRequestMessage(HttpMethod.Post, FeedbackForm.Path) { Content = Form(token, "mangler", "Mangler åbningstider.") };
        request.Headers.Accept.ParseAdd("application/json");

        var response = await caseworker.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
        Assert.True(body.GetProperty("saved").GetBoolean());
        Assert.StartsWith("Tak. Beskeden er sendt til", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PlainFormPost_Refused_RedirectsWithFejl_AndWithoutTokenIsADanish400()
    {
        var caseworker = await fixture.Factory.SignInAsync("sagsbehandler");
        var token = TokenOf(await caseworker.GetStringAsync($"/dokument/{Offer}", Token));

        var empty = await caseworker.PostAsync(FeedbackForm.Path, Form(token, "andet", "   "), Token);
        var withoutToken = await caseworker.PostAsync(FeedbackForm.Path, Form("", "andet", "Uden nøgle."), Token);
        var anonymous = await fixture.Factory.CreateAnonymousClient().PostAsync(FeedbackForm.Path, Form(token, "andet", "Anonym."), Token);

        Assert.Equal($"/dokument/{Offer}?besked=fejl", empty.Headers.Location!.OriginalString);
        var page = WebUtility.HtmlDecode(await caseworker.GetStringAsync(empty.Headers.Location.OriginalString, Token));
        Assert.Contains("Beskeden blev ikke sendt", page);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Contains("Formularen er udløbet", await withoutToken.Content.ReadAsStringAsync(Token));
        Assert.Equal(0, await MessagesWithAsync("Uden nøgle."));
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest
            || anonymous.Headers.Location?.OriginalString.Contains("log-ind", StringComparison.Ordinal) == true, $"{anonymous.StatusCode} {anonymous.Headers.Location}");
        Assert.Equal(0, await MessagesWithAsync("Anonym."));
    }
}
