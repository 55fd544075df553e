using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Portal.Performance;

/// <summary>
/// Lets a <see cref="ISharedPageGate"/> keep a reading page out of the shared cache for one request: the page shows this
/// user something beyond name and roles (e.g. a material change to confirm).
/// </summary>
public interface ISharedPageGate
{
    ValueTask<bool> IsPersonalAsync(HttpContext context);
}

public sealed class SharedPageCacheOptions
{
    public const string Section = "Performance:SharedPages";

    /// <summary>Off turns the shared cache off (every reading page is rendered for its request).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Upper bound of the cached pages' bytes; the least used go first.</summary>
    public int MaxMegabytes { get; set; } = 64;
}

/// <summary>
/// A reading page is the same for every reader with the same roles, apart from the name in the top bar and the
/// antiforgery token of its forms. The first request of such a page renders it, and the rendering is kept as a template
/// with those two as holes; later requests by anyone with the same roles fill in their own name and a fresh token (the
/// antiforgery cookie is issued as by a render) and cost no render. The key holds everything else the page depends on:
/// address, Accept, content snapshot, today, the build and every <see cref="IReadingPageStamp"/>. A page that names its
/// reader any other way says so through an <see cref="ISharedPageGate"/> and is rendered as before.
/// </summary>
public sealed partial class SharedPageCache : IDisposable
{
    private const string TemplateItem = "Portal.SharedPageCache.Template";
    private const int MaxPageBytes = 4 * 1024 * 1024;

    // Headers that belong to one response and must not be replayed (cookies above all).
    private static readonly HashSet<string> s_perResponse = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.SetCookie, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.ETag,
        HeaderNames.CacheControl, HeaderNames.Pragma, HeaderNames.Expires, HeaderNames.ContentEncoding, HeaderNames.Vary,
    };

    private readonly MemoryCache _pages;
    private readonly MemoryCache _seen = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly MemoryCache _tokens = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private readonly bool _enabled;
    private long _hits;
    private long _renders;

    public SharedPageCache(IOptions<SharedPageCacheOptions> options)
    {
        _enabled = options.Value.Enabled;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.MaxMegabytes) * 1024L * 1024L });
        // Unguessable by content: a document cannot contain the hole markers by accident or on purpose.
        var nonce = Guid.NewGuid().ToString("N");
        NameHole = $"<!--portal-name-{nonce}-->";
        TokenHole = $"<!--portal-token-{nonce}-->";
    }

    /// <summary>Pages answered from a template / rendered to make one (tests read them).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public long Renders => Interlocked.Read(ref _renders);

    internal string NameHole { get; }

    internal string TokenHole { get; }

    /// <summary>
    /// The signed-in user's name as the top bar shows it (HTML-encoded), or in a render that makes a template the hole
    /// that each request fills with its own reader's name. UserMenu calls this: the one place that knows the name is a hole.
    /// </summary>
    public static MarkupString? NameMarkup(HttpContext? context, ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        return new MarkupString(context?.Items[TemplateItem] is SharedPageCache cache ? cache.NameHole : EncodedName(user));
    }

    private static string EncodedName(ClaimsPrincipal user) => HtmlEncoder.Default.Encode(user.Identity?.Name ?? "");

    internal async Task<bool> TryServeAsync(HttpContext context, string sharedKey, RequestDelegate next)
    {
        if (!_enabled || !HttpMethods.IsGet(context.Request.Method))
        {
            return false;
        }
        foreach (var gate in context.RequestServices.GetServices<ISharedPageGate>())
        {
            if (await gate.IsPersonalAsync(context))
            {
                return false;
            }
        }
        var key = sharedKey + "\n" + string.Join(',', Roles(context.User));
        if (_pages.TryGetValue(key, out PageTemplate? template) && template is not null)
        {
            Interlocked.Increment(ref _hits);
            await WriteAsync(context, template);
            return true;
        }
        // A page becomes a template the second time it is asked for: a one-off (a search nobody repeats) costs neither a
        // copy nor room in the cache.
        if (!_seen.TryGetValue(key, out _))
        {
            _seen.Set(key, true, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
            return false;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        context.Items[TemplateItem] = this;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Items.Remove(TemplateItem);
        }
        Interlocked.Increment(ref _renders);
        template = context.Response.StatusCode == StatusCodes.Status200OK && !context.Response.HasStarted
            ? MakeTemplate(context, buffer)
            : null;
        if (template is null)
        {
            // Not shareable (an error page, a redirect, an interactive component): this request's own bytes, unchanged
            // apart from the name, which the render left as a hole.
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)
                .Replace(NameHole, EncodedName(context.User), StringComparison.Ordinal);
            var bytes = Encoding.UTF8.GetBytes(text);
            if (!context.Response.HasStarted)
            {
                context.Response.ContentLength = bytes.Length;
            }
            await body.WriteAsync(bytes, context.RequestAborted);
            return true;
        }
        _pages.Set(key, template, new MemoryCacheEntryOptions { Size = template.Size, SlidingExpiration = TimeSpan.FromMinutes(30) });
        await WriteAsync(context, template);
        return true;
    }

    private PageTemplate? MakeTemplate(HttpContext context, MemoryStream buffer)
    {
        if (buffer.Length > MaxPageBytes || context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }
        var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        // An interactive component's marker belongs to one request and one circuit: such a page is not shared.
        if (html.Contains("<!--Blazor:{", StringComparison.Ordinal))
        {
            return null;
        }
        // Every form of the page carries the one request token of this render; it becomes a hole.
        var token = html.Contains("__RequestVerificationToken", StringComparison.Ordinal)
            ? context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken
            : null;
        if (!string.IsNullOrEmpty(token))
        {
            html = html.Replace(token, TokenHole, StringComparison.Ordinal);
        }
        // The prerender's persisted state (it holds this render's antiforgery token) serves only a circuit, which a
        // reading page never starts.
        html = PersistedState().Replace(html, "");
        var headers = context.Response.Headers
            .Where(h => !s_perResponse.Contains(h.Key))
            .Select(h => KeyValuePair.Create(h.Key, h.Value))
            .ToList();
        return PageTemplate.Parse(html, NameHole, TokenHole, headers);
    }

    private async Task WriteAsync(HttpContext context, PageTemplate template)
    {
        var token = template.HasToken ? RequestToken(context) : "";
        var name = template.HasName ? Encoding.UTF8.GetBytes(EncodedName(context.User)) : [];
        var tokenBytes = Encoding.UTF8.GetBytes(token);
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        foreach (var (key, value) in template.Headers)
        {
            response.Headers[key] = value;
        }
        response.ContentLength = template.LengthWith(name.Length, tokenBytes.Length);
        foreach (var part in template.Parts)
        {
            var bytes = part.Hole switch
            {
                Hole.Name => name,
                Hole.Token => tokenBytes,
                _ => part.Literal,
            };
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    /// <summary>
    /// The request token for this reader's forms. Issuing one (reading the antiforgery cookie, protecting a new token) was
    /// a fifth of serving a shared page, so the token issued for a browser's antiforgery cookie and signed-in user is
    /// reused for that pair: a token per session, as OWASP allows, still bound to the cookie and the user and worthless
    /// to anyone else. A browser without the cookie (or with one that no longer reads) gets a new cookie and token, as a render gives.
    /// </summary>
    private string RequestToken(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        var cookieName = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        if (cookieName is null || context.Request.Cookies[cookieName] is not { Length: > 0 } cookie)
        {
            return antiforgery.GetAndStoreTokens(context).RequestToken ?? "";
        }
        var key = cookie + "\n" + string.Join('\u001f', context.User.Claims.Select(c => c.Type + "=" + c.Value));
        if (_tokens.TryGetValue(key, out string? kept) && kept is not null)
        {
            return kept;
        }
        var token = antiforgery.GetAndStoreTokens(context).RequestToken ?? "";
        // A new cookie was issued (the old one could not be read): the token belongs to that cookie, not to the key.
        var newCookie = context.Response.Headers.SetCookie.Any(c => c?.StartsWith(cookieName + "=", StringComparison.Ordinal) == true);
        if (!newCookie && token.Length > 0)
        {
            _tokens.Set(key, token, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) });
        }
        return token;
    }

    private static IEnumerable<string> Roles(ClaimsPrincipal user) => user.Identities
        .SelectMany(i => i.FindAll(i.RoleClaimType))
        .Select(c => c.Value)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal);

    [GeneratedRegex("<!--Blazor-Server-Component-State:[^>]*-->")]
    private static partial Regex PersistedState();

    public void Dispose()
    {
        _pages.Dispose();
        _seen.Dispose();
        _tokens.Dispose();
    }

    internal enum Hole
    {
        None,
        Name,
        Token,
    }

    internal sealed record Part(byte[] Literal, Hole Hole);

    internal sealed class PageTemplate(List<Part> parts, List<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers)
    {
        public IReadOnlyList<Part> Parts { get; } = parts;

        public IReadOnlyList<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> Headers { get; } = headers;

        public bool HasName { get; } = parts.Any(p => p.Hole == Hole.Name);

        public bool HasToken { get; } = parts.Any(p => p.Hole == Hole.Token);

        public long Size { get; } = parts.Sum(p => (long)p.Literal.Length) + 256;

        public long LengthWith(int name, int token) =>
            Parts.Sum(p => p.Hole switch { Hole.Name => name, Hole.Token => token, _ => (long)p.Literal.Length });

        public static PageTemplate Parse(string html, string nameHole, string tokenHole, List<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> headers)
        {
            var parts = new List<Part>();
            var at = 0;
            while (at < html.Length)
            {
                var name = html.IndexOf(nameHole, at, StringComparison.Ordinal);
                var token = html.IndexOf(tokenHole, at, StringComparison.Ordinal);
                var next = name < 0 ? token : token < 0 ? name : Math.Min(name, token);
                if (next < 0)
                {
                    parts.Add(new Part(Encoding.UTF8.GetBytes(html[at..]), Hole.None));
                    break;
                }
                if (next > at)
                {
                    parts.Add(new Part(Encoding.UTF8.GetBytes(html[at..next]), Hole.None));
                }
                var hole = next == name ? Hole.Name : Hole.Token;
                parts.Add(new Part([], hole));
                at = next + (hole == Hole.Name ? nameHole.Length : tokenHole.Length);
            }
            return new PageTemplate(parts, headers);
        }
    }
}
