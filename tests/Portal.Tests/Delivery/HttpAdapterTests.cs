using System.Text;
using Portal.Delivery;

namespace Portal.Tests.Delivery;

public sealed class HttpAdapterTests : IAsyncLifetime
{
    private readonly FakeReceiver _receiver = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    private static DeliveryItem Item(string payload = "<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\"/>") =>
        new($"{Guid.NewGuid():N}:test", Guid.NewGuid(), Encoding.UTF8.GetBytes(payload), "brev.pdf", "Afgørelse om merudgifter", "27.24.00-G01-1-26");

    private static readonly DateTimeOffset s_sent = new(2026, 11, 24, 9, 30, 15, TimeSpan.Zero);

    private IDeliveryAdapter Sf1601(string mode, int timeoutSeconds = 2) =>
        new Sf1601Adapter(_http, new DestinationOptions { Url = _receiver.Url(mode), TimeoutSeconds = timeoutSeconds }, new Portal.Tests.Checklists.ManualTimeProvider(s_sent));

    private IDeliveryAdapter Journal(string mode, int timeoutSeconds = 2) => new RestJournalAdapter(_http, new DestinationOptions { Url = _receiver.Url(mode), TimeoutSeconds = timeoutSeconds });

    [Fact]
    public async Task Sf1601_Success_PostsKombiRequestWithTransactionHeaders()
    {
        var item = Item();

        var receipt = await Sf1601("ok").DeliverAsync(item, TestContext.Current.CancellationToken);

        var request = Assert.Single(_receiver.Requests);
        Assert.StartsWith("application/xml", request.ContentType);
        Assert.Contains("<kombi_request><KombiValgKode>DIGITALPOST</KombiValgKode><memo:Message", request.Body);
        Assert.Equal(item.LetterId.ToString("D"), request.TransactionId);
        Assert.Equal("2026-11-24T09:30:15Z", request.TransactionTime); // the portal's clock, not the machine's
        Assert.Equal(item.IdempotencyKey, request.Key);
        Assert.Equal("kvittering-" + item.IdempotencyKey, receipt);
    }

    [Fact]
    public async Task Journal_Success_PostsMultipartWithCaseDocumentNameAndFile()
    {
        var item = Item("%PDF-1.6 test");

        await Journal("ok").DeliverAsync(item, TestContext.Current.CancellationToken);

        var request = Assert.Single(_receiver.Requests);
        Assert.StartsWith("multipart/form-data", request.ContentType);
        Assert.Contains("name=sagId", request.Body);
        Assert.Contains("27.24.00-G01-1-26", request.Body);
        Assert.Contains("name=dokumentNavn", request.Body);
        Assert.Contains("filename=brev.pdf", request.Body);
        Assert.Contains("%PDF-1.6 test", request.Body);
    }

    [Theory]
    [InlineData("400", true)]
    [InlineData("500", false)]
    public async Task Adapters_ErrorStatus_FailWithDanishReasonPermanentOnlyFor4xx(string mode, bool permanent)
    {
        foreach (var adapter in new[] { Sf1601(mode), Journal(mode) })
        {
            var ex = await Assert.ThrowsAsync<DeliveryException>(() => adapter.DeliverAsync(Item(), TestContext.Current.CancellationToken));

            Assert.Equal(permanent, ex.Permanent);
            Assert.Contains($"HTTP {mode}", ex.Message);
            Assert.Contains("afviste forsendelsen", ex.Message);
        }
    }

    [Fact]
    public async Task Adapters_409ForARepeatedKey_CountAsDeliveredNotFailed()
    {
        foreach (var adapter in new[] { Sf1601("409"), Journal("409") })
        {
            var receipt = await adapter.DeliverAsync(Item(), TestContext.Current.CancellationToken);

            Assert.StartsWith("allerede modtaget", receipt);
        }
    }

    [Fact]
    public async Task Adapters_NoAnswerWithinTimeout_FailAsRetryable()
    {
        foreach (var adapter in new[] { Sf1601("hang", 1), Journal("hang", 1) })
        {
            var ex = await Assert.ThrowsAsync<DeliveryException>(() => adapter.DeliverAsync(Item(), TestContext.Current.CancellationToken));

            Assert.False(ex.Permanent);
            Assert.Contains("svarede ikke inden for 1 sekunder", ex.Message);
        }
    }

    [Fact]
    public async Task Adapters_SlowAnswerWithinTimeout_Succeed()
    {
        var item = Item();

        await Sf1601("slow").DeliverAsync(item, TestContext.Current.CancellationToken);
        await Journal("slow").DeliverAsync(Item(), TestContext.Current.CancellationToken);

        Assert.Equal(2, _receiver.Delivered.Count);
    }

    [Fact]
    public async Task Adapters_ReceiverDown_FailAsRetryable()
    {
        var adapter = new Sf1601Adapter(_http, new DestinationOptions { Url = "http://127.0.0.1:1/ok", TimeoutSeconds = 2 }, TimeProvider.System);

        var ex = await Assert.ThrowsAsync<DeliveryException>(() => adapter.DeliverAsync(Item(), TestContext.Current.CancellationToken));

        Assert.False(ex.Permanent);
        Assert.Contains("kunne ikke nås", ex.Message);
    }

    [Fact]
    public async Task FolderAdapter_SameKeyTwice_WritesOneFile()
    {
        var folder = Directory.CreateTempSubdirectory("handicap-fil-").FullName;
        try
        {
            var adapter = new FolderAdapter(Destinations.DigitalPost, folder, ".xml");
            var item = Item();

            var first = await adapter.DeliverAsync(item, TestContext.Current.CancellationToken);
            var second = await adapter.DeliverAsync(item with { Payload = [1, 2, 3] }, TestContext.Current.CancellationToken);

            Assert.Equal(first, second);
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(item.Payload, await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task FolderAdapter_HalfWrittenTempFileFromACrash_IsReplacedByTheRetry()
    {
        var folder = Directory.CreateTempSubdirectory("handicap-fil-").FullName;
        try
        {
            var adapter = new FolderAdapter(Destinations.Journal, folder, ".pdf");
            var item = Item("%PDF-1.7 hele brevet");
            var name = item.IdempotencyKey.Replace(':', '-') + ".pdf";
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".tmp"), "%PDF-1.7 hal", TestContext.Current.CancellationToken);

            await adapter.DeliverAsync(item, TestContext.Current.CancellationToken);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal(name, Path.GetFileName(file));
            Assert.Equal("%PDF-1.7 hele brevet", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
