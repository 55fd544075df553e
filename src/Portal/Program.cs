using MudBlazor.Services;
using Portal.Audit;
using Portal.Auth;
using Portal.Checklists;
using Portal.Cluster;
using Portal.Components;
using Portal.Content;
using Portal.Data;
using Portal.Delivery;
using Portal.Documents;
using Portal.Editing;
using Portal.Governance;
using Portal.Health;
using Portal.Letters;
using Portal.Library;
using Portal.Performance;
using Portal.Privacy;
using Portal.Reviews;
using Portal.Search;
using Portal.Security;
using Portal.Telemetry;
using Portal.Transition;

var builder = WebApplication.CreateBuilder(LaunchEnvironment.Options(args));

builder.AddSecurity();
builder.AddPerformance();
builder.AddTelemetry();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddTransient<MudBlazor.MudLocalizer, DanishMudLocalizer>();
builder.Services.AddProblemDetails();
builder.AddData();
builder.AddCluster();
builder.AddAudit();
builder.AddPortalAuth();
builder.AddContent();
builder.AddPrivacy();
builder.AddDocuments();
builder.AddLibrary();
builder.AddSearch();
builder.AddLetters();
builder.AddDelivery();
builder.AddChecklists();
builder.AddTransition();
builder.AddEditing();
builder.AddReviews();
builder.AddGovernance();
builder.AddHealth();

var app = builder.Build();

app.UseSecurity();
app.UsePerformance();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiStatusCodes();
app.UseAuthentication();
app.UseRateLimits();
app.UseAuthorization();
app.UseReadingPageCache();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapPortalAuth();
app.MapHealth();
app.MapPerformance();
app.MapLibrary();
app.MapSearch();
app.MapLetters();
app.MapDelivery();
app.MapEditing();
app.MapReviews();
app.MapGovernance();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.StartTelemetry();
var warmUp = app.WarmUpInBackground();
await app.MigrateDatabaseAsync();
// Beside the library, on the other core: the key ring and the endpoints, which the server's start would build.
var beside = Task.WhenAll(app.PrepareKeyRingAsync(), app.BuildEndpointsInBackground());
// A restart's library comes from the database, lease or not: it is built while the node takes the lease.
var storedLoaded = await app.JoinClusterAsync(app.LoadStoredLibraryAsync);
await Task.WhenAll(warmUp, beside);
await app.ImportContentAsync(storedLoaded);
app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Handicapportalen kører på {Urls}", string.Join(", ", app.Urls)));
app.Run();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
