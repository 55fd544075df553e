using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Components.Layout;
using Portal.Content;
using Portal.Library;

namespace Portal.Letters;

public static class LettersExtensions
{
    public static WebApplicationBuilder AddLetters(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LettersOptions>().BindConfiguration(LettersOptions.Section)
            .Validate(o => o.ClosingDays.Count > 0, "Letters:ClosingDays skal indeholde helligdage og lukkedage (se appsettings.json).")
            .Validate(o => o.ClosingDays.All(d => d.EasterOffset is not null ^ !string.IsNullOrWhiteSpace(d.Date)), "Hver lukkedag i Letters:ClosingDays skal have enten Date (MM-dd) eller EasterOffset.")
            .Validate(o => o.RenderTimeoutMilliseconds > 0 && o.LoopLimit > 0 && o.RecursiveLimit > 0, "Letters: grænserne for skabeloner skal være positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<LetterRenderer>();
        builder.Services.AddSingleton<LetterRules>();
        builder.Services.AddSingleton<LetterService>();
        builder.Services.AddSingleton<TemplateValidator>();
        builder.Services.AddSingleton<RateFiles>();
        builder.Services.AddSingleton<IDocumentCheck, TemplateDocumentCheck>();
        builder.Services.AddSingleton<IDocumentCheck, LawReferenceCheck>(); // unverified § references show on Indholdsfejl
        builder.Services.AddSingleton<LetterCatalog>();
        builder.Services.AddSingleton<LetterAudit>();
        builder.Services.AddSingleton<PastTemplateVersions>();
        builder.Services.AddSingleton<DocxWriter>();
        builder.Services.AddScoped<LetterPrefill>();
        builder.Services.TryAddScoped<Portal.Components.TabDrafts>();
        NavigationRegistry.Add(new NavigationItem("/breve", "Breve og afgørelser", MudBlazor.Icons.Material.Filled.Mail, Order: 20));
        DocumentActionRegistry.Add<UseTemplateAction>();
        return builder;
    }

    public static WebApplication MapLetters(this WebApplication app)
    {
        app.MapLettersApi();
        return app;
    }
}
