using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Playwright;
using Xunit.v3;

[assembly: Portal.BrowserTests.Infrastructure.FailOnCspViolation]

namespace Portal.BrowserTests.Infrastructure;

/// <summary>
/// Content-Security-Policy violations seen in any page a test opened. The browser reports them on the console and
/// as a securitypolicyviolation event (turned into a console error by an init script); either fails the test.
/// </summary>
public static class CspViolations
{
    private const string Marker = "CSP-brud: ";

    private const string ListenerScript =
        "document.addEventListener('securitypolicyviolation', e => console.error('" + Marker +
        "' + e.violatedDirective + ' blokerede ' + (e.blockedURI || 'inline') + ' i ' + (e.sourceFile || e.documentURI) + ':' + (e.lineNumber || 0)));";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_byTest = new();

    /// <summary>Listens on a new context, recording violations against the running test.</summary>
    public static async Task WatchAsync(IBrowserContext context)
    {
        var key = TestContext.Current.Test?.UniqueID ?? "";
        var queue = s_byTest.GetOrAdd(key, _ => new ConcurrentQueue<string>());
        await context.AddInitScriptAsync(ListenerScript);
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.StartsWith(Marker, StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)))
            {
                queue.Enqueue(message.Text);
            }
        };
    }

    /// <summary>The violations recorded so far for the running test.</summary>
    public static IReadOnlyList<string> ForCurrentTest() =>
        s_byTest.TryGetValue(TestContext.Current.Test?.UniqueID ?? "", out var queue) ? [.. queue] : [];

    /// <summary>Removes and returns the violations recorded for a test (a test that provokes one on purpose consumes it).</summary>
    public static IReadOnlyList<string> Take(string testId) =>
        s_byTest.TryRemove(testId, out var queue) ? [.. queue] : [];
}

/// <summary>Fails every browser test whose pages reported a CSP violation.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnCspViolationAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var violations = CspViolations.Take(test.UniqueID);
        if (violations.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("Siden brød Content-Security-Policy:\n" + string.Join('\n', violations.Distinct()));
        }
    }
}
