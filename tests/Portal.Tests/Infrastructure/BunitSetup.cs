using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Auth;
using Portal.Content;
using Portal.Library;

namespace Portal.Tests.Infrastructure;

/// <summary>One setup for bUnit tests: MudBlazor services, loose JS interop, a content catalog and a signed-in user.</summary>
public static class BunitSetup
{
    public static BunitContext CreateContext(LibrarySnapshot? snapshot = null, string role = Roles.Caseworker, DateOnly? today = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        var options = new ContentOptions();
        ctx.Services.AddSingleton(options);
        var clock = new FixedTimeProvider(today ?? new DateOnly(2026, 11, 23));
        ctx.Services.AddSingleton<TimeProvider>(clock);
        var catalog = new ContentCatalog();
        if (snapshot is not null)
        {
            catalog.Publish(snapshot);
        }
        ctx.Services.AddSingleton(catalog);
        ctx.Services.AddScoped<LibraryClock>();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Test Bruger");
        auth.SetRoles(role);
        auth.SetPolicies(role switch
        {
            Roles.Administrator => [Policies.Caseworker, Policies.Coordinator, Policies.Administrator],
            Roles.Coordinator => [Policies.Caseworker, Policies.Coordinator],
            _ => [Policies.Caseworker],
        });
        ctx.Services.AddScoped<CurrentUser>();
        // The tab's sessionStorage (letter form, checklist): loose JS interop answers "nothing stored".
        ctx.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        ctx.Services.AddScoped<Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage.ProtectedSessionStorage>();
        ctx.Services.AddScoped<Portal.Components.TabDrafts>();
        ctx.Services.AddLogging();
        ctx.Services.AddSingleton<Portal.Governance.IReadConfirmationView>(new Governance.FakeReadConfirmations());
        return ctx;
    }

    /// <summary>
    /// Renders as an interactive server circuit (pages mark themselves for browser tests). Call after the
    /// last service registration: it builds the service provider.
    /// </summary>
    public static BunitContext AsInteractiveServer(this BunitContext ctx)
    {
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}

/// <summary>A clock fixed at noon local time on a given date.</summary>
public sealed class FixedTimeProvider(DateOnly today) : TimeProvider
{
    public DateOnly Today { get; set; } = today;

    public override DateTimeOffset GetUtcNow() => new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
