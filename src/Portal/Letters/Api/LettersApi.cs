using System.Text.Json;
using Portal.Auth;
using Portal.Content;
using Portal.Security;

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
        api.MapPost("/{*path}", RenderAsync).DisableAntiforgery().WithCaseData();
    }

    private static async Task<IResult> RenderAsync(
        string path, string? format, HttpContext http, LetterCatalog catalog, LetterService letters, LetterAudit audit, DocxWriter docx, Delivery.FinalLetter final, TimeProvider clock)
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
        var pdfWanted = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !docxWanted && !pdfWanted && !string.Equals(format, "html", StringComparison.OrdinalIgnoreCase))
        {
            return BadRequest([new FieldError("format", $"Ukendt format '{format}'. Brug html, docx eller pdf.")]);
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
            if (pdfWanted)
            {
                return await PdfAsync(result, set, request, profile, audit, final, http.RequestAborted);
            }
            // The file is made before the audit entry: a letter that could not be made is never logged as generated.
            var file = docxWanted ? docx.Write(result) : null;
            var response = docxWanted ? null : result.ToResponse();
            await audit.WriteAsync(profile, result, set, docxWanted ? "docx" : "html", http.RequestAborted);
            return file is not null
                ? Results.File(file, DocxWriter.ContentType, DocxWriter.FileName(template, request.SendDate))
                : Results.Ok(response);
        }
    }

    // The final PDF/A: only a final letter (approved template, verified rates, nothing left to fill) gets one.
    private static async Task<IResult> PdfAsync(LetterResult result, TemplateSet set, LetterRequest request, UserProfile profile, LetterAudit audit, Delivery.FinalLetter final, CancellationToken cancellationToken)
    {
        if (!result.IsFinal)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Brevet er et udkast",
                detail: "Der kan kun laves endelig PDF af et endeligt brev: " + string.Join(" ", result.FinalBlockers));
        }
        try
        {
            var document = await final.MakeAsync(result, set, request.SendDate, cancellationToken);
            await audit.WriteAsync(profile, result, set, "pdf", cancellationToken);
            return Results.File(document.Pdf, Delivery.FinalLetter.PdfContentType, document.FileName);
        }
        catch (Delivery.PdfConversionException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF kunne ikke laves", detail: ex.Message);
        }
    }

    private static IResult BadRequest(IEnumerable<FieldError> errors) => Results.BadRequest(errors.ToErrorResponse());

    private static IResult NotFound(string id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Skabelonen findes ikke",
        detail: $"Der er ingen brugbar skabelon med identiteten '{id}'. Se GET /api/templates.");
}
