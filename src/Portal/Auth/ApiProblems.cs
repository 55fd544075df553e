namespace Portal.Auth;

/// <summary>Danish problem+json bodies for the API's 401, 403 and 429, the same in every environment.</summary>
public static class ApiProblems
{
    public const string NotSignedInTitle = "Ikke logget ind";
    public const string ForbiddenTitle = "Ingen adgang";

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    public static Task NotSignedInAsync(HttpContext context, string? detail = null) => WriteAsync(context, StatusCodes.Status401Unauthorized, NotSignedInTitle,
        detail ?? "Kaldet kræver login eller en gyldig API-nøgle i headeren X-Api-Key.");

    public static Task ForbiddenAsync(HttpContext context) => WriteAsync(context, StatusCodes.Status403Forbidden, ForbiddenTitle,
        "Din rolle giver ikke adgang til dette kald.");

    private static string TypeFor(int status) => status switch
    {
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        _ => "about:blank",
    };
}
