using System.Net.Http.Headers;

namespace Portal.Delivery;

/// <summary>
/// Journalising over REST in the shape of SBSYS' "journaliser": multipart with the case id, the document name and the
/// file. The idempotency key goes in a header and a form field, so a retry is recognised by the case system.
/// </summary>
public sealed class RestJournalAdapter(HttpClient http, DestinationOptions options) : IDeliveryAdapter
{
    public string Destination => Destinations.Journal;

    public async Task<string> DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        var file = new ByteArrayContent(item.Payload);
        file.Headers.ContentType = new MediaTypeHeaderValue(FinalLetter.PdfContentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(item.CaseNumber), "sagId" },
            { new StringContent(item.Label), "dokumentNavn" },
            { new StringContent(item.IdempotencyKey), "eksternId" },
            { file, "fil", item.FileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = form };
        request.Headers.Add("Idempotency-Key", item.IdempotencyKey);
        return await HttpDelivery.SendAsync(http, request, "Sagssystemet", TimeSpan.FromSeconds(options.TimeoutSeconds), cancellationToken);
    }
}
