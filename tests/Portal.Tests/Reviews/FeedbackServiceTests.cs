using Microsoft.EntityFrameworkCore;
using Portal.Auth;
using Portal.Reviews;
using static Portal.Tests.Editing.EditingHarness;
using static Portal.Tests.Reviews.ReviewHarness;

namespace Portal.Tests.Reviews;

/// <summary>"Giv besked til tovholder": the message reaches the tovholder's dashboard and mailbox.</summary>
public class FeedbackServiceTests
{
    private static readonly UserProfile Caseworker = new("demo:sagsbehandler", "Sara Sagsbehandler", "sara@test.example", "Rådgiver", "", "", "Børnehandicap", [Roles.Caseworker]);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submit_LandsOnTheTovholdersDashboard_AndInTheirMail()
    {
        await using var h = await StartAsync();

        var result = await h.Feedback.SubmitAsync(new FeedbackRequest(Offer, "forældet", "Åbningstiderne er ændret."), Caseworker, Token);

        Assert.True(result.Saved, result.Message);
        Assert.Equal("Tak. Beskeden er sendt til Test Proceskonsulent, som er tovholder for dokumentet.", result.Message);
        var message = Assert.Single(await h.Feedback.ListAsync("proceskonsulent-voksen", includeHandled: false, Token));
        Assert.Equal((Offer, "forældet", "Åbningstiderne er ændret.", "Sara Sagsbehandler"), (message.Slug, message.Kind, message.Text, message.FromName));
        Assert.NotNull(message.MailedAt);
        Assert.Empty(await h.Feedback.ListAsync("koordinator-boern", includeHandled: false, Token));
        var mail = Assert.Single(h.Smtp.Messages);
        Assert.Equal(["proces@test.example"], mail.To);
        Assert.Equal("Handicapportalen: besked om \"Ventilen\" (forældet)", mail.Subject);
        Assert.Contains("Sara Sagsbehandler har givet besked om et dokument, du er tovholder for", mail.Text);
        Assert.Contains("Åbningstiderne er ændret.", mail.Text);
        Assert.Contains("https://portal.test.example/dokument/" + Offer, mail.Text);
    }

    [Theory]
    [InlineData("Borgeren 010190-1234 klager")]
    [InlineData("cpr 0101901234")]
    [InlineData("cpr 010190 1234")]
    public async Task Submit_WithCprLikeNumber_IsRefused_StoresAndMailsNothing(string text)
    {
        await using var h = await StartAsync();

        var result = await h.Feedback.SubmitAsync(new FeedbackRequest(Offer, "uklart", text), Caseworker, Token);

        Assert.False(result.Saved);
        Assert.Contains("CPR-nummer", result.Message);
        await using var db = h.Editing.CreateDb();
        Assert.False(await db.OwnerMessages.AnyAsync(Token));
        Assert.Empty(h.Smtp.Messages);
    }

    [Theory]
    [InlineData(Offer, "sur", "Tekst", "Vælg, hvad beskeden handler om")]
    [InlineData(Offer, "uklart", "   ", "Skriv kort, hvad der er forældet, uklart eller mangler.")]
    [InlineData("arbejdsgange/findes-ikke", "uklart", "Tekst", "Der er intet dokument med adressen")]
    public async Task Submit_InvalidRequest_IsRefusedInDanish(string slug, string kind, string text, string expected)
    {
        await using var h = await StartAsync();

        var result = await h.Feedback.SubmitAsync(new FeedbackRequest(slug, kind, text), Caseworker, Token);

        Assert.False(result.Saved);
        Assert.Contains(expected, result.Message);
        await using var db = h.Editing.CreateDb();
        Assert.False(await db.OwnerMessages.AnyAsync(Token));
    }

    [Fact]
    public async Task Submit_TooLong_IsRefused()
    {
        await using var h = await StartAsync();

        var result = await h.Feedback.SubmitAsync(new FeedbackRequest(Offer, "andet", new string('x', FeedbackService.MaxTextLength + 1)), Caseworker, Token);

        Assert.False(result.Saved);
        Assert.Equal("Beskeden må højst være 2000 tegn.", result.Message);
    }

    [Fact]
    public async Task Submit_WhileMailServerIsDown_IsSaved_AndTheReminderJobMailsItLater()
    {
        await using var h = await StartAsync();
        var port = h.SmtpOptions.Port;
        h.SmtpOptions.Port = ClosedPort();

        var result = await h.Feedback.SubmitAsync(new FeedbackRequest(Procedure, "mangler", "Mangler afsnit om klage."), Caseworker, Token);

        Assert.True(result.Saved, result.Message);
        Assert.Null(Assert.Single(await h.Feedback.ListAsync(null, false, Token)).MailedAt);

        h.SmtpOptions.Port = port;
        var run = await h.Reminders.RunOnceAsync(Token);

        Assert.Equal(1, run.Messages);
        var mail = Assert.Single(h.Smtp.Messages);
        Assert.Equal(["koordinator@test.example"], mail.To);
        Assert.Contains("Mangler afsnit om klage.", mail.Text);
        Assert.NotNull(Assert.Single(await h.Feedback.ListAsync(null, false, Token)).MailedAt);
        Assert.Equal(0, (await h.Reminders.RunOnceAsync(Token)).Messages);
    }

    [Fact]
    public async Task MarkHandled_RemovesTheMessageFromTheDashboard()
    {
        await using var h = await StartAsync();
        var submitted = await h.Feedback.SubmitAsync(new FeedbackRequest(Offer, "uklart", "Hvem betaler?"), Caseworker, Token);

        Assert.True(await h.Feedback.MarkHandledAsync(submitted.Id!.Value, "Test Proceskonsulent", Token));

        Assert.Empty(await h.Feedback.ListAsync("proceskonsulent-voksen", includeHandled: false, Token));
        var handled = Assert.Single(await h.Feedback.ListAsync("proceskonsulent-voksen", includeHandled: true, Token));
        Assert.Equal("Test Proceskonsulent", handled.HandledBy);
        Assert.False(await h.Feedback.MarkHandledAsync(9999, "x", Token));
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
