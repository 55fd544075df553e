using System.Text.Json;
using Portal.Auth;
using Portal.Content;
using Portal.Letters;
using Portal.Security;

namespace Portal.Delivery;

/// <summary>POST /api/letters/send (queues, returns the outbox id) and GET /api/letters/outbox/{id} (status).</summary>
public static class DeliveryApi
{
    public static void MapDeliveryApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/letters").RequireAuthorization(Policies.Caseworker);
        api.MapPost("/send", SendAsync).DisableAntiforgery().WithCaseData();
        api.MapGet("/outbox/{id:guid}", async (Guid id, OutboxStore outbox, CancellationToken ct) =>
            await outbox.FindAsync(id, ct) is { } view ? Results.Ok(ToDto(view)) : Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "Forsendelsen findes ikke", detail: $"Der er ingen forsendelse med id '{id}' i udbakken.")).WithCaseData();
    }

    private static async Task<IResult> SendAsync(HttpContext http, LetterCatalog catalog, LetterService letters, LetterSender sender, TimeProvider clock)
    {
        if (!http.Request.HasJsonContentType())
        {
            return BadRequest([new FieldError(null, "Send brevet som JSON med Content-Type: application/json.")]);
        }
        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return BadRequest([new FieldError(null, "Forespørgslen er ikke gyldig JSON.")]);
        }
        using (body)
        {
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("template", out var id) || id.ValueKind != JsonValueKind.String)
            {
                return BadRequest([new FieldError("template", "Angiv skabelonens id i 'template', feltværdierne i 'fields', 'recipientId' (CPR/CVR) og 'caseNumber'.")]);
            }
            var set = catalog.Current;
            if (set.Find(id.GetString()!) is not { } template)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Skabelonen findes ikke",
                    detail: $"Der er ingen brugbar skabelon med identiteten '{id.GetString()}'. Se GET /api/templates.");
            }
            if (!root.TryGetProperty("fields", out _))
            {
                return BadRequest([new FieldError("fields", "Send feltværdierne i 'fields'.")]);
            }
            var (request, errors) = RenderRequestReader.Read(root, clock.Today());
            if (request is null)
            {
                return BadRequest(errors);
            }
            var profile = UserProfile.From(http.User);
            var result = letters.Generate(set, template, request, Caseworker.From(profile));
            if (!result.IsValid)
            {
                return BadRequest(result.Errors);
            }
            var send = new SendRequest(Text(root, "recipientId"), Text(root, "caseNumber"),
                root.TryGetProperty("confirmWarnings", out var confirm) && confirm.ValueKind == JsonValueKind.True);
            var outcome = await sender.SendAsync(result, set, request, send, profile, http.RequestAborted);
            return outcome.LetterId is { } letterId
                ? Results.Accepted($"/api/letters/outbox/{letterId}", new { id = letterId, status = "afventer" })
                : BadRequest(outcome.Errors);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static object ToDto(OutboxView view) => new
    {
        id = view.LetterId,
        status = view.Status,
        label = view.Label,
        caseNumber = view.CaseNumber,
        template = view.Template,
        createdAt = view.CreatedAt,
        destinations = view.Destinations.Select(d => new
        {
            destination = d.Destination,
            status = d.Status.ToString().ToLowerInvariant(),
            attempts = d.Attempts,
            deliveredAt = d.DeliveredAt,
            error = d.LastError,
            receipt = d.Receipt,
        }),
    };

    private static IResult BadRequest(IEnumerable<FieldError> errors) => Results.BadRequest(errors.ToErrorResponse());
}
