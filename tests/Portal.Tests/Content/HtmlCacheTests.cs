using Portal.Content;

namespace Portal.Tests.Content;

public class HtmlCacheTests
{
    [Fact]
    public void Add_BeyondTheByteLimit_EvictsTheLeastRecentlyRead()
    {
        var cache = new HtmlCache(maxBytes: 2 * 30); // 30 characters
        cache.Add("a", "1", new string('a', 10));
        cache.Add("b", "1", new string('b', 10));
        Assert.Equal(new string('a', 10), cache.Get("a", "1", () => throw new InvalidOperationException("a is held")));

        cache.Add("c", "1", new string('c', 15));

        Assert.True(cache.Contains("a", "1"));
        Assert.False(cache.Contains("b", "1"));
        Assert.True(cache.Contains("c", "1"));
        Assert.Equal(2 * 25, cache.Bytes);
    }

    [Fact]
    public void Get_AfterEviction_LoadsAgain()
    {
        var cache = new HtmlCache(maxBytes: 2 * 10);
        cache.Add("a", "1", "<p>første</p>");
        cache.Add("b", "1", "<p>anden</p>");
        var loads = 0;

        var html = cache.Get("a", "1", () => { loads++; return "<p>første</p>"; });

        Assert.Equal("<p>første</p>", html);
        Assert.Equal(1, loads);
    }

    [Fact]
    public void Add_LargerThanTheWholeCache_IsServedButNotKept()
    {
        var cache = new HtmlCache(maxBytes: 8);

        var html = cache.Get("a", "1", () => "<p>for stor</p>");

        Assert.Equal("<p>for stor</p>", html);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_SameKeyAgain_CountsItsBytesOnce()
    {
        var cache = new HtmlCache(maxBytes: 100);
        cache.Add("a", "1", "12345");
        cache.Add("a", "1", "12345");

        Assert.Equal(10, cache.Bytes);
        Assert.Equal(1, cache.Count);
    }
}
