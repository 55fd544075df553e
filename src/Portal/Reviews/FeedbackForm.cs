using Portal.Auth;
using Portal.Content;

namespace Portal.Reviews;

/// <summary>
/// The document page's "Giv besked til tovholder" form post. Script sends it with fetch and gets JSON (the dialog stays
/// open with the text when the message is refused); a plain post gets a redirect back to the document with the outcome.
/// </summary>
public static class FeedbackForm
{
    public const string Path = "/tovholder-besked";
    public const string SlugField = "slug";
    public const string KindField = "kind";
    public const string TextField = "text";
    public const string DefaultKind = "forældet";
    public const string OutcomeQuery = "besked";

    public static void MapFeedbackForm(this WebApplication app) =>
        // The form is read by hand after the antiforgery filter, so a missing token gets the portal's Danish 400.
        app.MapPost(Path, async (FeedbackService service, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var slug = form[SlugField].ToString();
            var result = await service.SubmitAsync(new FeedbackRequest(slug, form[KindField].ToString(), form[TextField].ToString()),
                UserProfile.From(http.User), http.RequestAborted);
            if (WantsJson(http.Request))
            {
                return result.Saved ? Results.Ok(result) : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Beskeden er ikke sendt", detail: result.Message);
            }
            return Results.LocalRedirect($"{MarkdownRenderer.DocumentUrl(slug)}?{OutcomeQuery}={(result.Saved ? "sendt" : "fejl")}");
        }).RequireAuthorization(Policies.Caseworker).RequireAntiforgery();

    /// <summary>The page's status line after a plain form post; null when the page was not reached from the form.</summary>
    public static string? OutcomeText(string? outcome, LibraryDocument document) => outcome switch
    {
        "sendt" => $"Tak. Beskeden er sendt til {document.Owner.Name}, som er tovholder for dokumentet.",
        "fejl" => "Beskeden blev ikke sendt. Vælg \"Giv besked til tovholder\" igen, skriv beskeden, og prøv igen.",
        _ => null,
    };

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
