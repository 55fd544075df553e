using Portal.Content;

namespace Portal.Privacy;

public static class PrivacyExtensions
{
    /// <summary>
    /// The CPR check on every document, imported or edited (CprDetector itself is static); and request lines,
    /// which carry query strings such as a search, stay out of the logs whatever level is configured.
    /// </summary>
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IDocumentCheck, CprDocumentCheck>();
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
    }
}
