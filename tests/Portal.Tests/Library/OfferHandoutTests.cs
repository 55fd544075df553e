using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content;
using Portal.Library;
using Portal.Library.Pages;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Library;

public class OfferHandoutTests
{
    [Fact]
    public async Task For_Adults_ListsOnlyAdultAndSharedOffers()
    {
        var offers = OfferHandout.For(await FixtureSnapshot.GetAsync(), Area.Adults);

        Assert.Equal(["Ventilen"], offers.Select(o => o.Title));
        Assert.Empty(OfferHandout.For(await FixtureSnapshot.GetAsync(), Area.Children));
    }

    [Fact]
    public async Task HandoutPage_RendersEachOfferWithItsSections()
    {
        await using var ctx = BunitSetup.CreateContext(await FixtureSnapshot.GetAsync());
        ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/tilbud-folder?omraade=voksen");

        var page = ctx.Render<OfferHandoutPage>();

        Assert.Contains("voksne", page.Find("h1").TextContent);
        Assert.Equal("Ventilen", page.Find(".handout-title").TextContent);
        Assert.Contains("Målgruppe", page.Find(".handout-body").InnerHtml);
    }
}
