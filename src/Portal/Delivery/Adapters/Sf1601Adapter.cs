using System.Globalization;
using System.Text;

namespace Portal.Delivery;

/// <summary>
/// Digital Post through Serviceplatformen's SF1601 KombiPostAfsend: POST of a kombi_request holding the MeMo message
/// (application/xml) with x-TransaktionsId (the message's UUID, so a repeated call is the same transaction) and
/// x-TransaktionsTid (the portal's clock, so tests and logs agree on the time). Certificates and the token come from configuration; no agreement means use the "fil" adapter.
/// </summary>
public sealed class Sf1601Adapter(HttpClient http, DestinationOptions options, TimeProvider clock) : IDeliveryAdapter
{
    public string Destination => Destinations.DigitalPost;

    public async Task<string> DeliverAsync(DeliveryItem item, CancellationToken cancellationToken)
    {
        var memo = Encoding.UTF8.GetString(item.Payload);
        var start = memo.IndexOf("<memo:Message", StringComparison.Ordinal);
        var body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kombi_request><KombiValgKode>DIGITALPOST</KombiValgKode>"
            + (start >= 0 ? memo[start..] : memo) + "</kombi_request>";
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new StringContent(body, Encoding.UTF8, "application/xml") };
        request.Headers.Add("x-TransaktionsId", item.LetterId.ToString("D"));
        request.Headers.Add("x-TransaktionsTid", clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        request.Headers.Add("Idempotency-Key", item.IdempotencyKey);
        return await HttpDelivery.SendAsync(http, request, "Digital Post (SF1601)", TimeSpan.FromSeconds(options.TimeoutSeconds), cancellationToken);
    }
}
