using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Content;

namespace Portal.Documents;

public static class DocumentsExtensions
{
    /// <summary>The document store: documents, versions, redirects, the file outbox and conflicts, and their one writer.</summary>
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<RedirectTable>();
        services.AddSingleton<IDocumentRedirects>(sp => sp.GetRequiredService<RedirectTable>());
        services.TryAddSingleton<IContentFileWriter, AtomicFileWriter>();
        services.AddSingleton<ContentOutbox>();
        services.AddSingleton<IBeforeImportStep>(sp => sp.GetRequiredService<ContentOutbox>());
        services.AddSingleton<DocumentValidator>();
        services.AddSingleton<DocumentImport>();
        services.AddSingleton<DocumentStore>();
        return builder;
    }
}
