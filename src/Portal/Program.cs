using MudBlazor.Services;
using Portal.Audit;
using Portal.Auth;
using Portal.Checklists;
using Portal.Components;
using Portal.Content;
using Portal.Data;
using Portal.Documents;
using Portal.Editing;
using Portal.Letters;
using Portal.Library;
using Portal.Reviews;
using Portal.Search;
using Portal.Transition;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, DanishMudLocalizer>();
builder.Services.AddProblemDetails();
builder.AddData();
builder.AddAudit();
builder.AddPortalAuth();
builder.AddContent();
builder.AddDocuments();
builder.AddLibrary();
builder.AddSearch();
builder.AddLetters();
builder.AddChecklists();
builder.AddTransition();
builder.AddEditing();
builder.AddReviews();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiStatusCodes();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalAuth();
app.MapLibrary();
app.MapSearch();
app.MapLetters();
app.MapEditing();
app.MapReviews();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.MigrateDatabaseAsync();
await app.ImportContentAsync();
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Handicapportalen kører på {Urls}", string.Join(", ", app.Urls)));
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
