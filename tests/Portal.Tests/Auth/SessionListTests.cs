using System.Net;
using System.Text.RegularExpressions;
using Portal.Auth;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Auth;

/// <summary>ASVS 3.3.4: a user sees their active sign-ins and can end the others; never someone else's.</summary>
public sealed partial class SessionListTests
{
    [GeneratedRegex(@"name=""session"" value=""([0-9a-f]{16})""")]
    private static partial Regex Handle();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task User_SeesBothSignIns_AndEndsTheOther_WhichIsThenRefused()
    {
        await using var factory = new PortalFactory();
        using var office = new BrowserLikeClient(factory);
        await office.SignInAsync("koordinator");
        using var laptop = new BrowserLikeClient(factory);
        await laptop.SignInAsync("koordinator");

        var page = await (await office.GetAsync("/konto/sessioner")).Content.ReadAsStringAsync(Ct);

        Assert.Contains("<h1", page);
        Assert.Contains("Denne browser", page);
        var other = Assert.Single(Handle().Matches(page)).Groups[1].Value;
        Assert.DoesNotContain(office.Cookies["handicapportalen"], page); // only the hash, never the bearer secret

        var token = await office.TokenFromAsync("/konto/sessioner");
        var end = await office.PostFormAsync("/konto/sessioner/afslut", new() { ["__RequestVerificationToken"] = token, ["session"] = other });

        Assert.Equal(HttpStatusCode.Redirect, end.StatusCode);
        Assert.Equal("/konto/sessioner?afsluttet=1", end.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/api/documents")).StatusCode);
        var after = await (await office.GetAsync("/konto/sessioner?afsluttet=1")).Content.ReadAsStringAsync(Ct);
        Assert.Empty(Handle().Matches(after));
        Assert.Contains("Log-indet er afsluttet", after);
    }

    [Fact]
    public async Task AnotherUsersSession_CannotBeEnded_AndTheFormNeedsItsToken()
    {
        await using var factory = new PortalFactory();
        using var victim = new BrowserLikeClient(factory);
        await victim.SignInAsync("koordinator");
        using var victimElsewhere = new BrowserLikeClient(factory);
        await victimElsewhere.SignInAsync("koordinator");
        var victimPage = await (await victim.GetAsync("/konto/sessioner")).Content.ReadAsStringAsync(Ct);
        var handle = Handle().Match(victimPage).Groups[1].Value;
        using var attacker = new BrowserLikeClient(factory);
        await attacker.SignInAsync("sagsbehandler");

        var withoutToken = await attacker.PostFormAsync("/konto/sessioner/afslut", new() { ["session"] = handle });
        var token = await attacker.TokenFromAsync("/konto/sessioner");
        var foreign = await attacker.PostFormAsync("/konto/sessioner/afslut", new() { ["__RequestVerificationToken"] = token, ["session"] = handle });

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal("/konto/sessioner?ukendt=1", foreign.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await victimElsewhere.GetAsync("/api/documents")).StatusCode);
    }

    [Fact]
    public async Task SessionsPage_NeedsSignIn()
    {
        await using var factory = new PortalFactory();
        using var anonymous = new BrowserLikeClient(factory);

        var response = await anonymous.GetAsync("/konto/sessioner");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/konto/log-ind", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Handle_IsAShortHashOfTheId() =>
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("abc"u8))[..16], SessionStore.HandleOf("abc"));
}
