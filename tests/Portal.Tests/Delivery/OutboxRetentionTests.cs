using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Delivery;

namespace Portal.Tests.Delivery;

/// <summary>Delivery:Outbox:PdfRetentionDays keeps the journal PDF for that many days; the MeMo message (with the CPR) never stays.</summary>
public sealed class OutboxRetentionTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retention30Days_KeepsOnlyTheJournalPdf_AndPurgesItAfterTheRetention()
    {
        await using var factory = new DeliveryFactory([new("Delivery:Outbox:PdfRetentionDays", "30")]);
        var client = await factory.SignInAsync("sagsbehandler");
        var response = await client.PostAsJsonAsync("/api/letters/send", DeliveryRequests.Send(DeliveryFactory.Receipt), Token);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("id").GetGuid();
        Assert.Equal("leveret", (await OutboxTests.WaitForStatusAsync(client, id, "leveret", TimeSpan.FromSeconds(30))).GetProperty("status").GetString());

        Assert.Null((await Row(factory, id, Destinations.DigitalPost)).Payload);
        Assert.NotNull((await Row(factory, id, Destinations.Journal)).Payload);

        // 29 days on, the PDF is still kept; 31 days on, the worker's purge deletes it.
        await ActivatorUtilities.CreateInstance<OutboxWorker>(factory.Services, new ShiftedClock(TimeSpan.FromDays(29))).RunOnceAsync(Token);
        Assert.NotNull((await Row(factory, id, Destinations.Journal)).Payload);
        await ActivatorUtilities.CreateInstance<OutboxWorker>(factory.Services, new ShiftedClock(TimeSpan.FromDays(31))).RunOnceAsync(Token);
        Assert.Null((await Row(factory, id, Destinations.Journal)).Payload);
    }

    private static async Task<OutboxMessage> Row(DeliveryFactory factory, Guid id, string destination)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Token);
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.LetterId == id && m.Destination == destination, Token);
    }

    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
    }
}
