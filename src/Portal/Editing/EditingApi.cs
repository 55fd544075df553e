using Portal.Auth;
using Portal.Content;
using Portal.Documents;

namespace Portal.Editing;

public sealed record CreateBody(string Type, string Folder, string Title, string Owner, string Area, string? FileName);

public sealed record ResolveBody(string Choice);

public sealed record PreviewBody(string Slug, string Text);

/// <summary>JSON endpoints for scripts under /api/editing; the pages call the same services. Coordinators only.</summary>
public static class EditingApi
{
    public static void MapEditingApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/editing").RequireAuthorization(Policies.Coordinator);

        api.MapGet("/documents/{*slug}", async (string slug, DocumentEditor editor, CancellationToken ct) =>
            await editor.LoadAsync(slug, ct) is { } document ? Results.Ok(document) : NotFound(slug));

        api.MapPost("/save", async (SaveRequest body, DocumentEditor editor, Governance.ReadConfirmationService reads, HttpContext http, CancellationToken ct) =>
        {
            var user = UserProfile.From(http.User);
            if (!Governance.ReadAudience.TryParseOptional(body.Material, out var audience))
            {
                return ToHttp(EditResult.Invalid([new FieldError("væsentlig", 0, Governance.ReadAudience.UnknownKey)]));
            }
            return ToHttp(await editor.SaveAsync(body, user, body.Publish ? reads.MarkOnPublish(audience, user) : null, ct));
        });

        api.MapPost("/restore", async (RestoreRequest body, DocumentEditor editor, HttpContext http, CancellationToken ct) =>
            ToHttp(await editor.RestoreAsync(body, UserProfile.From(http.User), ct)));

        api.MapPost("/create", async (CreateBody body, DocumentCreator creator, HttpContext http, CancellationToken ct) =>
        {
            if (!AreaNames.TryParse(body.Area, out var area))
            {
                return ToHttp(EditResult.Invalid([new FieldError("område", 0, "Ukendt område. Brug børn, voksen eller fælles.")]));
            }
            return ToHttp(await creator.CreateAsync(new CreateRequest(body.Type, body.Folder, body.Title, body.Owner, area, body.FileName), UserProfile.From(http.User), ct));
        });

        api.MapPost("/move", async (MoveRequest body, DocumentMover mover, HttpContext http, CancellationToken ct) =>
            ToHttp(await mover.MoveAsync(body, UserProfile.From(http.User), ct)));

        api.MapPost("/preview", (PreviewBody body, DocumentValidator validator, MarkdownRenderer renderer, ContentCatalog catalog) =>
        {
            if (validator.SizeProblem(body.Text ?? "") is { } tooLarge)
            {
                return ToHttp(EditResult.Refused(tooLarge));
            }
            var validation = validator.Validate(DocumentEditor.Normalize(body.Slug ?? ""), body.Text ?? "");
            var html = renderer.Render(DocumentText.Split(body.Text ?? "").Body, DocumentEditor.Normalize(body.Slug ?? ""), catalog.Current.Laws).Html;
            return Results.Ok(new { html, errors = validation.Errors, warnings = validation.Warnings.Select(w => w.Message) });
        });

        api.MapGet("/history/{*slug}", async (string slug, DocumentHistory history, CancellationToken ct) =>
            await history.GetAsync(slug, ct) is { } view ? Results.Ok(view) : NotFound(slug));

        api.MapGet("/diff", async (string slug, int from, int to, DocumentHistory history, CancellationToken ct) =>
            await history.DiffAsync(slug, from, to, ct) is { } lines
                ? Results.Ok(lines)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Versionen findes ikke", detail: $"'{slug}' har ikke både version {from} og {to}."));

        api.MapGet("/conflicts", async (ConflictResolver conflicts, CancellationToken ct) => await conflicts.OpenAsync(ct));

        api.MapPost("/conflicts/{id:int}/resolve", async (int id, ResolveBody body, ConflictResolver conflicts, HttpContext http, CancellationToken ct) =>
        {
            ConflictChoice? choice = body.Choice switch { "disk" => ConflictChoice.KeepDisk, "portal" => ConflictChoice.KeepPortal, _ => null };
            return choice is null
                ? ToHttp(EditResult.Invalid([new FieldError("choice", 0, "Vælg 'disk' (filens version) eller 'portal' (portalens version).")]))
                : ToHttp(await conflicts.ResolveAsync(id, choice.Value, UserProfile.From(http.User), ct));
        });
    }

    public static IResult ToHttp(EditResult result) => result.ToHttp();

    private static IResult NotFound(string slug) => ToHttp(EditResult.NotFound(slug));
}
