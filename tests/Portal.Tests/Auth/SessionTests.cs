using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Portal.Auth;
using Portal.Data;
using Portal.Tests.Checklists;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Auth;

/// <summary>Issue 14 finding 3: sessions end on the server, expire when idle and after a maximum lifetime; forms need antiforgery.</summary>
public class SessionTests
{
    private static async Task<IReadOnlyList<Portal.Audit.AuditEntry>> AuditAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SignOut_EndsSessionOnServer_CopiedCookieIsRefused()
    {
        await using var factory = new PortalFactory();
        using var victim = new BrowserLikeClient(factory);
        await victim.SignInAsync("koordinator");
        using var attacker = new BrowserLikeClient(factory);
        attacker.Cookies["handicapportalen"] = victim.Cookies["handicapportalen"];
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/api/documents")).StatusCode);

        var signOut = await victim.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var replay = await attacker.GetAsync("/api/documents");
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        var page = await attacker.GetAsync("/nyt");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/konto/log-ind", page.Headers.Location!.OriginalString);
        var actions = (await AuditAsync(factory)).Select(a => a.Action).ToList();
        Assert.Contains(SecurityAuditActions.SignIn, actions);
        Assert.Contains(SecurityAuditActions.SignOut, actions);
    }

    [Fact]
    public async Task EndedSession_StaysEnded_WhenAValidationInFlightCachesTheRowItReadBefore()
    {
        await using var factory = new PortalFactory();
        var store = factory.Services.GetRequiredService<SessionStore>();
        var (id, _) = await store.StartAsync("sagsbehandler", ["sagsbehandler"], TestContext.Current.CancellationToken);
        Assert.Equal(SessionState.Valid, await store.ValidateAsync(id, TestContext.Current.CancellationToken));
        UserSession? before;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Set<UserSession>().AsNoTracking().SingleAsync(s => s.Id == id, TestContext.Current.CancellationToken);
        }

        await store.EndAsync(id, TestContext.Current.CancellationToken);
        // A validation (an open circuit's revalidation, another tab) that read the row before the end writes it late.
        factory.Services.GetRequiredService<IMemoryCache>().Set(SessionStore.CacheKey(id), before, TimeSpan.FromMinutes(1));

        Assert.Equal(SessionState.Ended, await store.ValidateAsync(id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await using var factory = new PortalFactory();
        using var client = new BrowserLikeClient(factory);
        await client.SignInAsync("sagsbehandler");

        var response = await client.PostFormAsync("/konto/log-ud", []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        await using var factory = new PortalFactory();
        using var client = new BrowserLikeClient(factory);

        var response = await client.PostFormAsync("/konto/demo", new() { ["bruger"] = "administrator", ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(client.Cookies.ContainsKey("handicapportalen"));
    }

    [Fact]
    public async Task FailedSignIn_IsAudited_WithoutTheTypedValue()
    {
        await using var factory = new PortalFactory();
        using var client = new BrowserLikeClient(factory);
        var token = await client.TokenFromAsync("/konto/log-ind");

        await client.PostFormAsync("/konto/demo", new() { ["__RequestVerificationToken"] = token, ["bruger"] = "hemmelig-gætning", ["returnUrl"] = "/" });

        var entry = Assert.Single(await AuditAsync(factory), a => a.Action == SecurityAuditActions.SignInFailed);
        Assert.DoesNotContain("hemmelig-gætning", entry.User + entry.Target + entry.Details);
    }

    [Fact]
    public async Task IdleSession_IsRefused_AfterIdleTimeout()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var factory = new ClockFactory(clock);
        using var client = new BrowserLikeClient(factory);
        await client.SignInAsync("sagsbehandler");

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task ActiveSession_IsRefused_AfterAbsoluteLifetime()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await using var factory = new ClockFactory(clock);
        using var client = new BrowserLikeClient(factory);
        await client.SignInAsync("sagsbehandler");

        // Active every 20 minutes for 9 h 40 min: still valid.
        for (var i = 0; i < 29; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/documents")).StatusCode);
        }
        clock.Advance(TimeSpan.FromMinutes(21));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_BetweenSignIns_IsAudited()
    {
        await using var factory = new RoleFactory();
        using (var first = new BrowserLikeClient(factory))
        {
            await first.SignInAsync("skifter");
        }
        factory.User.Role = Roles.Coordinator;
        using (var second = new BrowserLikeClient(factory))
        {
            await second.SignInAsync("skifter");
        }

        var entry = Assert.Single(await AuditAsync(factory), a => a.Action == SecurityAuditActions.RoleChanged);
        Assert.Equal("Fra Sagsbehandler til Koordinator", entry.Details);
    }

    [Fact]
    public void SessionCookie_IsSecureOutsideDevelopment()
    {
        using var factory = new Security.ProductionFactory();
        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);

        Assert.Equal(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always, options.Cookie.SecurePolicy);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.Cookie.HttpOnly);
    }

    private sealed class ClockFactory(ManualTimeProvider clock) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
        }
    }

    // A demo user whose role the test changes between sign-ins (as an administrator would in Entra ID).
    private sealed class RoleFactory : PortalFactory
    {
        public DemoUser User { get; } = new() { Id = "skifter", Name = "Skift Rolle", Role = Roles.Caseworker };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.PostConfigure<AuthOptions>(o => o.DemoUsers.Add(User)));
        }
    }
}
