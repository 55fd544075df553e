namespace Portal.Documents;

/// <summary>An edit's outcome as an HTTP answer: problem+json for everything but a saved change.</summary>
public static class EditResultHttp
{
    public static IResult ToHttp(this EditResult result) => result.Status switch
    {
        EditStatus.Saved => Results.Ok(result),
        EditStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Findes ikke", detail: result.Message),
        EditStatus.Conflict => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Dokumentet er ændret imens", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["theirs"] = result.Theirs, ["stamp"] = result.Stamp }),
        EditStatus.Invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ugyldigt indhold", detail: result.Message,
            extensions: new Dictionary<string, object?> { ["errors"] = result.Errors }),
        _ => Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Ikke gemt", detail: result.Message),
    };
}
