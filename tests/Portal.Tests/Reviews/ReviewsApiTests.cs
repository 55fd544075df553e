using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Content;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Reviews;

/// <summary>The whole portal with SMTP settings in configuration pointing at a local SMTP server.</summary>
public sealed class SmtpPortalFixture : IAsyncLifetime
{
    public LocalSmtpServer Smtp { get; } = new();

    public PortalFactory Factory { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        Factory = new SmtpPortalFactory(Smtp.Port);
        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    private sealed class SmtpPortalFactory(int port) : PortalFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
        [
            new("Smtp:Host", "127.0.0.1"),
            new("Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Smtp:FromAddress", "portal@test.example"),
            new("Smtp:PortalUrl", "https://portal.test.example"),
            new("Reviews:IntervalMonthsByType:Tjekliste", "6"),
        ];
    }
}

public class ReviewsApiTests(SmtpPortalFixture fixture) : IClassFixture<SmtpPortalFixture>
{
    private const string Procedure = "arbejdsgange/01-opstart/meddelelse-af-afslag";
    private const string Offer = "arbejdsgange/02-tilbud/ventilen";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feedback_ThroughTheApi_IsMailedToTheTovholder_UsingTheSmtpSettingsInConfiguration()
    {
        var response = await fixture.Factory.CreateClientAs(Roles.Caseworker)
            .PostAsJsonAsync("/api/feedback", new { slug = Offer, kind = "mangler", text = "Mangler telefontider." }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = fixture.Smtp.Messages.Single(m => m.Text.Contains("Mangler telefontider."));
        Assert.Equal(["proces@test.example"], mail.To);
        Assert.Equal("portal@test.example", mail.From);
        Assert.Contains("https://portal.test.example/dokument/" + Offer, mail.Text);
    }

    [Fact]
    public async Task Dashboard_ReturnsCountsAndGroups_AndRefusesAnUnknownStatus()
    {
        var client = fixture.Factory.CreateClientAs(Roles.Coordinator);

        var view = await client.GetFromJsonAsync<JsonElement>("/api/reviews/dashboard?owner=proceskonsulent-voksen", Token);
        var bad = await client.GetAsync("/api/reviews/dashboard?status=gammel", Token);

        var counts = view.GetProperty("counts");
        Assert.Equal(2, counts.EnumerateObject().Sum(c => c.Value.GetInt32()));
        var group = Assert.Single(view.GetProperty("groups").EnumerateArray());
        Assert.Equal("proceskonsulent-voksen", group.GetProperty("owner").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Brug overskredet, snart eller gyldig.", await bad.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task MarkReviewed_ThroughTheApi_RecordsTheReviewer_AndIsAudited()
    {
        var client = fixture.Factory.CreateClientAs(Roles.Coordinator);

        var response = await client.PostAsJsonAsync("/api/reviews/mark", new { slug = Procedure, comment = "Tjekket" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var history = await client.GetStringAsync("/api/editing/history/" + Procedure, Token);
        Assert.Contains("Gennemgået af test-koordinator", history);
        var audit = await fixture.Factory.CreateClientAs(Roles.Administrator).GetStringAsync("/api/audit?action=gennemg%C3%A5et", Token);
        Assert.Contains(Procedure, audit);
    }

    [Fact]
    public async Task IntervalPerType_FromConfiguration_SetsTheNextReviewDate()
    {
        const string checklist = "arbejdsgange/01-opstart/tjekliste-moede";
        var clock = fixture.Factory.Services.GetRequiredService<TimeProvider>();

        var response = await fixture.Factory.CreateClientAs(Roles.Coordinator).PostAsJsonAsync("/api/reviews/mark", new { slug = checklist }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = clock.Today().AddMonths(6); // the portal's day is Danish, not the machine's (they differ near midnight)
        Assert.Equal(expected, fixture.Factory.Services.GetRequiredService<Portal.Content.ContentCatalog>().Current.Find(checklist)!.ReviewDate);
    }

    [Fact]
    public async Task ReminderRun_ThroughTheApi_ReportsWhatWasSent()
    {
        var response = await fixture.Factory.CreateClientAs(Roles.Administrator).PostAsync("/api/reviews/reminders/run", null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(0, result.GetProperty("failed").GetInt32());
    }
}
