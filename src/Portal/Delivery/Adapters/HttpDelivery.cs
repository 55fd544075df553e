using System.Net;

namespace Portal.Delivery;

/// <summary>Sends one HTTP request and turns its outcome into a receipt or a Danish <see cref="DeliveryException"/>.</summary>
internal static class HttpDelivery
{
    public static async Task<string> SendAsync(HttpClient http, HttpRequestMessage request, string receiver, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException($"{receiver} svarede ikke inden for {timeout.TotalSeconds:0} sekunder. Der prøves igen.", permanent: false);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException($"{receiver} kunne ikke nås ({ex.Message}). Der prøves igen.", permanent: false);
        }
        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DeliveryException($"{receiver} svarede ikke færdigt inden for {timeout.TotalSeconds:0} sekunder. Der prøves igen.", permanent: false);
            }
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return response.Headers.TryGetValues("x-TransaktionsId", out var ids) ? ids.First() : Shorten(body, 200);
            }
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // A retry after a crash between "accepted" and "marked delivered": the receiver already has this
                // idempotency key / transaction, so the letter is delivered, not failed (failing it would invite a resend).
                return "allerede modtaget: " + Shorten(body, 180);
            }
            // 408 and 429 are "try later"; any other 4xx means the request itself is wrong and retrying cannot help.
            var permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
            var text = $"{receiver} afviste forsendelsen med HTTP {status}{(string.IsNullOrWhiteSpace(body) ? "" : ": " + Shorten(body, 300))}.";
            throw new DeliveryException(permanent ? text : text + " Der prøves igen.", permanent);
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
