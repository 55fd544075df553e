using Microsoft.AspNetCore.Antiforgery;

namespace Portal.Auth;

/// <summary>
/// For form posts handled without form binding (sign-in, sign-out): the antiforgery middleware validates the token, and this
/// filter refuses the post when it was missing or wrong, before the handler reads the form.
/// </summary>
public static class AntiforgeryRequired
{
    public static RouteHandlerBuilder RequireAntiforgery(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new RequireAntiforgeryTokenAttribute())
        .AddEndpointFilter(async (context, next) =>
            context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                ? await next(context)
                : Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Formularen er udløbet",
                    detail: "Siden var for gammel, eller formularen kom ikke fra portalen. Genindlæs siden, og prøv igen."));
}
