using System.Text.Json;
using Portal.Auth;
using Portal.Content;

namespace Portal.Letters;

/// <summary>GET /api/templates, GET /api/templates/{id}, POST /api/templates/{id}/render (?format=docx).</summary>
public static class LettersApi
{
    private const string RenderSuffix = "/render";

    public static void MapLettersApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/templates").RequireAuthorization(Policies.Caseworker);

        api.MapGet("/", (LetterCatalog catalog) => catalog.Current.Templates.Select(t => t.ToSummary()).ToList());

        api.MapGet("/{*id}", (string id, LetterCatalog catalog) =>
            catalog.Current.Find(id) is { } template ? Results.Ok(template.ToDetail()) : NotFound(id));

        // A catch-all id cannot be followed by a segment in a route, so "/render" is matched here.
        api.MapPost("/{*path}", RenderAsync).DisableAntiforgery();
    }

    private static async Task<IResult> RenderAsync(
        string path, string? format, HttpContext http, LetterCatalog catalog, LetterService letters, LetterAudit audit, DocxWriter docx, TimeProvider clock)
    {
        if (!path.EndsWith(RenderSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ukendt adresse", detail: "Brug POST /api/templates/{id}/render.");
        }
        var id = path[..^RenderSuffix.Length];
        var set = catalog.Current;
        if (set.Find(id) is not { } template)
        {
            return NotFound(id);
        }
        var docxWanted = string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !docxWanted && !string.Equals(format, "html", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest([new FieldError("format", $"Ukendt format '{format}'. Brug html eller docx.")]);
        }

        if (!http.Request.HasJsonContentType())
        {
            return BadRequest([new FieldError(null, "Send feltværdierne som JSON med Content-Type: application/json.")]);
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
            var (request, errors) = RenderRequestReader.Read(body.RootElement, clock.Today());
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
            await audit.WriteAsync(profile, result, set, docxWanted ? "docx" : "html", http.RequestAborted);
            return docxWanted
                ? Results.File(docx.Write(result), DocxWriter.ContentType, DocxWriter.FileName(template, request.SendDate))
                : Results.Ok(result.ToResponse());
        }
    }

    private static IResult BadRequest(IEnumerable<FieldError> errors) => Results.BadRequest(errors.ToErrorResponse());

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Skabelonen findes ikke",
        detail: $"Der er ingen brugbar skabelon med identiteten '{id}'. Se GET /api/templates.");
}
