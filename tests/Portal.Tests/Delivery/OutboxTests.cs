using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Audit;
using Portal.Auth;
using Portal.Data;
using Portal.Delivery;

namespace Portal.Tests.Delivery;

public class OutboxTests(DeliveryFixture fixture) : IClassFixture<DeliveryFixture>
{
    private const string Cpr = "0101804242";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> WaitForStatusAsync(HttpClient client, Guid id, string status, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/letters/outbox/{id}", Token);
            if (view.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return view;
            }
            await Task.Delay(100, Token);
        }
    }

    [Fact]
    public async Task Send_FinalLetter_IsDeliveredOnceToDigitalPostAndJournalAndThePersonalDataIsDeleted()
    {
        var client = await fixture.Factory.SignInAsync("sagsbehandler");

        var response = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt, Cpr), Token);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var view = await WaitForStatusAsync(client, id, "leveret", TimeSpan.FromSeconds(30));
        Assert.Equal("leveret", view.GetProperty("status").GetString());
        Assert.Equal(["digital-post", "journal"], view.GetProperty("destinations").EnumerateArray().Select(d => d.GetProperty("destination").GetString()).ToArray());

        var memoFile = Assert.Single(Directory.GetFiles(fixture.Factory.PostFolder, $"{id:N}*"));
        var memo = XDocument.Load(memoFile);
        Assert.Empty(MemoSchema.Validate(memo));
        Assert.Equal(Cpr, memo.Descendants(MemoBuilder.Memo + "recipientID").Single().Value);
        Assert.Equal("Kvittering for ansøgning (test)", memo.Descendants(MemoBuilder.Memo + "label").First().Value);
        var pdf = Assert.Single(Directory.GetFiles(fixture.Factory.JournalFolder, $"{id:N}*"));
        Assert.StartsWith("%PDF", File.ReadAllText(pdf)[..4]);

        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rows = await db.Outbox.Where(m => m.LetterId == id).ToListAsync(Token);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Null(r.Payload));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        var audit = await db.AuditLog.Where(a => a.Details != null && a.Details.Contains(id.ToString())).ToListAsync(Token);
        Assert.Equal([AuditActions.LetterQueued, AuditActions.LetterDelivered, AuditActions.LetterDelivered], audit.OrderBy(a => a.Id).Select(a => a.Action).ToArray());
        Assert.DoesNotContain(await db.AuditLog.ToListAsync(Token), a => (a.Details ?? "").Contains(Cpr) || (a.Details ?? "").Contains("010180"));
    }

    [Fact]
    public async Task Send_RefusalOnAFriday_AsksForConfirmationFirst_AndIsQueuedOnceConfirmed()
    {
        var client = await fixture.Factory.SignInAsync("sagsbehandler");
        object Body(bool confirm) => new
        {
            template = DeliveryFactory.Refusal,
            fields = new Dictionary<string, object>
            {
                ["barnets_navn"] = "Emma Eksempel",
                ["ansoegningsdato"] = "2026-09-14",
                ["gruppe"] = "gruppe I",
                ["mundtlig_dato"] = "2026-11-24",
                ["faktiske_forhold"] = "Emma er 7 år og har type 1-diabetes.",
                ["vurdering"] = "Udgifterne når ikke minimumsbeløbet.",
                ["partshoering"] = "Partshørt",
                ["partshoering_dato"] = "2026-11-16",
                ["partshoering_emne"] = "oplysningerne i begrundelsen",
                ["forsendelse"] = "Digital Post",
            },
            sendDate = "2026-11-27", // a Friday: the refusal warns about the weekend
            recipients = new[] { new { navn = "Anna Andersen", rolle = "forældremyndighedsindehaver", adresse = "Vejen 1\n7100 Vejle" } },
            recipientId = Cpr,
            caseNumber = "27.36.00-G01-18-26",
            confirmWarnings = confirm,
        };
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var before = await db.Outbox.CountAsync(Token);

        var unconfirmed = await client.PostAsJsonAsync("/api/letters/send", Body(confirm: false), Token);

        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        var problem = await unconfirmed.Content.ReadAsStringAsync(Token);
        Assert.Contains("bekraeft", problem);
        Assert.Contains("advarsler", problem);
        Assert.Equal(before, await db.Outbox.CountAsync(Token));

        var confirmed = await client.PostAsJsonAsync("/api/letters/send", Body(confirm: true), Token);

        Assert.True(confirmed.StatusCode == HttpStatusCode.Accepted, await confirmed.Content.ReadAsStringAsync(Token));
        Assert.Equal(before + 2, await db.Outbox.CountAsync(Token));
    }

    [Theory]
    [InlineData(null, "27-1", "modtager")]
    [InlineData("1234", "27-1", "modtager")]
    [InlineData(Cpr, "", "sagsnummer")]
    [InlineData(Cpr, "sag 010180-4242", "sagsnummer")]
    public async Task Send_MissingOrWrongRecipientOrCase_Is400AndNothingIsQueued(string? recipient, string caseNumber, string field)
    {
        var client = await fixture.Factory.SignInAsync("sagsbehandler");
        using var scope = fixture.Factory.Services.CreateScope();
        var before = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Outbox.CountAsync(Token);

        var response = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt, recipient, caseNumber), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"field\":\"{field}\"", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(before, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Outbox.CountAsync(Token));
    }

    [Fact]
    public async Task Send_DraftLetter_IsRefusedWithTheReason()
    {
        var response = await fixture.Factory.CreateClientAs(Roles.Caseworker).PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("udkast og kan ikke sendes", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Outbox_UnknownIdOrAnonymous_GivesProblemJson()
    {
        var unknown = await fixture.Factory.CreateClientAs(Roles.Caseworker).GetAsync($"/api/letters/outbox/{Guid.NewGuid()}", Token);
        var anonymous = await fixture.Factory.CreateAnonymousClient().PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt), Token);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public class OutboxRetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Worker_ReceiverKeepsFailing_RetriesThenFailsWithDanishReason_AndRetryDeliversOnce()
    {
        await using var receiver = new FakeReceiver();
        var mode = "500";
        await using var factory = new DeliveryFactory(
        [
            new("Delivery:Journal:Adapter", "rest"),
            new("Delivery:Journal:Url", receiver.Url("500")),
            new("Delivery:DigitalPost:Adapter", "sf1601"),
            new("Delivery:DigitalPost:Url", receiver.Url("ok")),
        ]);
        var client = await factory.SignInAsync("sagsbehandler");

        var response = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt), Token);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        var view = await OutboxTests.WaitForStatusAsync(client, id, "fejlet", TimeSpan.FromSeconds(30));

        var journal = view.GetProperty("destinations").EnumerateArray().Single(d => d.GetProperty("destination").GetString() == "journal");
        Assert.Equal("failed", journal.GetProperty("status").GetString());
        Assert.Equal(3, journal.GetProperty("attempts").GetInt32());
        Assert.Contains("Sagssystemet afviste forsendelsen med HTTP 500", journal.GetProperty("error").GetString());
        Assert.Single(receiver.Calls);
        Assert.Equal(3, receiver.Requests.Count(r => r.Mode == mode));

        // A failed row keeps its payload for a retry; cancelling deletes it.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var row = await db.Outbox.SingleAsync(m => m.LetterId == id && m.Destination == Destinations.Journal, Token);
        Assert.NotNull(row.Payload);
        var store = factory.Services.GetRequiredService<OutboxStore>();
        Assert.True(await store.CancelAsync(row.Id, new UserProfile("koordinator", "Koordinator", ""), Token));
        Assert.Equal("annulleret", (await OutboxTests.WaitForStatusAsync(client, id, "annulleret", TimeSpan.FromSeconds(5))).GetProperty("status").GetString());
        Assert.Null((await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == row.Id, Token)).Payload);
    }
}
