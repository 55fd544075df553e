using System.Reflection;
using Microsoft.Net.Http.Headers;
using Portal.Content;
using Portal.Security;

namespace Portal.Performance;

/// <summary>
/// Revalidation for <see cref="ReadingPageAttribute"/> pages: the ETag stands for everything the page depends on
/// (address, the browser's cookies, hence user, session and antiforgery token, the content snapshot, today's date, the
/// build and every <see cref="IReadingPageStamp"/>), so it is known before rendering and a match costs no render at all.
/// </summary>
public static class ReadingPageCache
{
    private static readonly string s_build = Assembly.GetExecutingAssembly().ManifestModule.ModuleVersionId.ToString("N");

    public static IApplicationBuilder UseReadingPageCache(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ReadingPageAttribute>() is null
            || context.GetEndpoint()?.Metadata.GetMetadata<CaseDataAttribute>() is not null
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }
        var shared = await SharedKeyAsync(context);
        var etag = "\"" + ContentHash.Of(shared + "\n" + context.Request.Headers.Cookie.ToString())[..32] + "\"";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            SetHeaders(context.Response, etag);
            return;
        }
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                SetHeaders(context.Response, etag);
            }
            return Task.CompletedTask;
        });
        if (!await context.RequestServices.GetRequiredService<SharedPageCache>().TryServeAsync(context, shared, next))
        {
            await next(context);
        }
    });

    private static void SetHeaders(HttpResponse response, string etag)
    {
        // private: never in a shared proxy; no-cache: the browser asks every time, and gets 304 while nothing changed.
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Remove(HeaderNames.Pragma);
        response.Headers.ETag = etag;
    }

    // Everything the page depends on except the browser's cookies (user, session, antiforgery): the ETag adds those, the
    // shared cache the user's roles.
    private static async Task<string> SharedKeyAsync(HttpContext context)
    {
        var stamps = new List<string>();
        foreach (var stamp in context.RequestServices.GetServices<IReadingPageStamp>())
        {
            stamps.Add(await stamp.StampAsync(context.RequestAborted));
        }
        var snapshot = context.RequestServices.GetRequiredService<ContentCatalog>().Current;
        var today = context.RequestServices.GetRequiredService<TimeProvider>().Today();
        return string.Join('\n', s_build, context.Request.Path.Value, context.Request.QueryString.Value,
            context.Request.Headers.Accept.ToString(), snapshot.BuiltAt.UtcTicks, today.DayNumber, string.Join(',', stamps));
    }
}
