using System.Text.RegularExpressions;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Auth;

/// <summary>A client with a cookie jar the test can read and copy (to replay a stolen cookie).</summary>
public sealed partial class BrowserLikeClient(PortalFactory factory) : IDisposable
{
    private readonly HttpClient _client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public Dictionary<string, string> Cookies { get; } = [];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (Cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => c.Key + "=" + c.Value)));
        }
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = header.Split(';')[0].Split('=', 2);
            if (pair[1].Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
            {
                Cookies.Remove(pair[0]);
            }
            else
            {
                Cookies[pair[0]] = pair[1];
            }
        }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(HttpMethod.Get, url);

    /// <summary>The antiforgery token from a page's form.</summary>
    public async Task<string> TokenFromAsync(string url)
    {
        var response = await GetAsync(url);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var token = Token().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"Ingen antiforgery-token på {url} ({(int)response.StatusCode}): {html[..Math.Min(html.Length, 3000)]}");
        return token;
    }

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> form) =>
        await SendAsync(HttpMethod.Post, url, new FormUrlEncodedContent(form));

    public async Task SignInAsync(string demoUser)
    {
        var token = await TokenFromAsync("/konto/log-ind");
        var response = await PostFormAsync("/konto/demo", new() { ["__RequestVerificationToken"] = token, ["bruger"] = demoUser, ["returnUrl"] = "/" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(Cookies.ContainsKey("handicapportalen"), "Login satte ingen cookie");
    }

    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var token = await TokenFromAsync("/nyt");
        return await PostFormAsync("/konto/log-ud", new() { ["__RequestVerificationToken"] = token });
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
