using Microsoft.AspNetCore.SignalR;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Layout;
using Portal.Content;
using Portal.Documents;
using Portal.Library;

namespace Portal.Editing;

public static class EditingExtensions
{
    /// <summary>Largest message the browser may send the circuit: room for a pasted text a bit over the file limit, so it is refused with a message.</summary>
    public const long MaxCircuitMessageBytes = 4 * 1024 * 1024;

    public static WebApplicationBuilder AddEditing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<DocumentEditor>();
        services.AddSingleton<DocumentCreator>();
        services.AddSingleton<DocumentMover>();
        services.AddSingleton<DocumentHistory>();
        services.AddSingleton<ConflictResolver>();
        // The default 32 KB would drop the circuit on a large paste instead of answering with a message.
        services.Configure<HubOptions>(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);

        DocumentActionRegistry.Add<Components.EditDocumentAction>();
        NavigationRegistry.Add(new NavigationItem("/nyt", "Nyt og ændret", Icons.Material.Filled.NewReleases, null, 50));
        NavigationRegistry.Add(new NavigationItem("/ny", "Nyt dokument", Icons.Material.Filled.NoteAdd, Policies.Coordinator, 20));
        NavigationRegistry.Add(new NavigationItem("/konflikter", "Konflikter med filerne", Icons.Material.Filled.CallSplit, Policies.Coordinator, 30));
        NavigationRegistry.Add(new NavigationItem("/revisionslog", "Revisionslog", Icons.Material.Filled.History, Policies.Administrator, 20));
        return builder;
    }

    public static WebApplication MapEditing(this WebApplication app)
    {
        app.UseDocumentRedirects();
        app.MapEditingApi();
        return app;
    }

    /// <summary>Sends a request for a moved document's old address (page or API) on to its new address.</summary>
    public static void UseDocumentRedirects(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        foreach (var prefix in new[] { MarkdownRenderer.DocumentRoute, "/api/documents/" })
        {
            var path = context.Request.Path.Value ?? "";
            if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var slug = Uri.UnescapeDataString(path[prefix.Length..]).Trim('/');
            var catalog = context.RequestServices.GetRequiredService<ContentCatalog>();
            if (slug.Length > 0 && catalog.Current.Find(slug) is null
                && context.RequestServices.GetRequiredService<RedirectTable>().Resolve(slug) is { } target)
            {
                context.Response.Redirect(prefix + target + context.Request.QueryString);
                return Task.CompletedTask;
            }
        }
        return next(context);
    });
}
