using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Portal.Auth;
using Portal.Components.Layout;

namespace Portal.Tests.Layout;

/// <summary>The main menu is plain markup with MudBlazor's classes; which sections a user sees follows the policies.</summary>
public class NavMenuTests
{
    static NavMenuTests()
    {
        // The features add these from their AddX(); Add ignores an address already there, so this is the same entry.
        NavigationRegistry.Add(new NavigationItem("/breve", "Breve og afgørelser", Icons.Material.Filled.Mail, Order: 20));
        NavigationRegistry.Add(new NavigationItem("/revision", "Revision", Icons.Material.Filled.FactCheck, Policies.Coordinator, 10));
        NavigationRegistry.Add(new NavigationItem("/godkendelser", "Til godkendelse", Icons.Material.Filled.Approval, Policies.Approver, 15));
        NavigationRegistry.Add(new NavigationItem("/tovholdere", "Tovholdere", Icons.Material.Filled.People, Policies.Administrator, 10));
    }

    private static IRenderedComponent<NavMenu> Render(string url, params string[] policies)
    {
        var ctx = new BunitContext();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Test Bruger");
        auth.SetPolicies(policies);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx.Render<NavMenu>();
    }

    private static List<string> Links(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public void Caseworker_SeesTheCommonEntries_AndNoSectionForCoordinators()
    {
        var menu = Render("/", Policies.Caseworker);

        Assert.Contains("/breve", Links(menu));
        Assert.DoesNotContain("/revision", Links(menu));
        Assert.DoesNotContain("/godkendelser", Links(menu));
        Assert.DoesNotContain("For koordinatorer", menu.Markup);
        Assert.Equal("Hovedmenu", menu.Find("nav").GetAttribute("aria-label"));
    }

    [Fact]
    public void Jurist_FindsTheApprovals_UnderTheirOwnHeading()
    {
        var menu = Render("/", Policies.Caseworker, Policies.Approver);

        Assert.Contains("/godkendelser", Links(menu));
        Assert.DoesNotContain("/revision", Links(menu));
        Assert.Contains("For jurister", menu.Markup);
        Assert.DoesNotContain("For koordinatorer", menu.Markup);
    }

    [Fact]
    public void Administrator_SeesTheCoordinatorsEntriesFirst_ThenTheAdministratorsOwn()
    {
        var menu = Render("/", Policies.Caseworker, Policies.Coordinator, Policies.Approver, Policies.Administrator);

        var links = Links(menu);
        Assert.Contains("For koordinatorer", menu.Markup);
        Assert.DoesNotContain("For jurister", menu.Markup);
        Assert.True(links.IndexOf("/indholdsfejl") < links.IndexOf("/revision"));
        Assert.True(links.IndexOf("/godkendelser") < links.IndexOf("/tovholdere"), string.Join(", ", links));
    }

    [Fact]
    public void TheCurrentPage_IsMarkedActive_WithTheIconOfItsEntry()
    {
        var menu = Render("/breve/ny/skabeloner/breve/kvitteringsbrev", Policies.Caseworker);

        var active = Assert.Single(menu.FindAll("a.mud-nav-link.active"));
        Assert.Equal("/breve", active.GetAttribute("href"));
        Assert.Equal("page", active.GetAttribute("aria-current"));
        Assert.NotNull(active.QuerySelector("svg.mud-nav-link-icon[aria-hidden=true] path"));
        Assert.Empty(menu.FindAll("a.mud-nav-link[href='/'].active"));
    }
}
