using Microsoft.Extensions.DependencyInjection;
using Portal.BrowserTests.Infrastructure;
using Portal.Content;

namespace Portal.BrowserTests.Letters;

/// <summary>
/// Adds the test templates to the server's content copy (phrases only where the shipped content has none),
/// so the letter tests do not depend on the wording of the shipped templates.
/// </summary>
public static class LetterTemplates
{
    public const string Refusal = "skabeloner/afgoerelser/afslag-merudgifter-test";
    public const string RefusalTitle = "Afslag på merudgifter (test)";

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static bool s_done;

    public static async Task EnsureAsync(BrowserFixture browser)
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_done)
            {
                return;
            }
            var source = Path.Combine(AppContext.BaseDirectory, "LetterFixtures");
            var owner = File.ReadLines(Path.Combine(browser.Server.ContentPath, "tovholdere.yml")).First(l => l.Length > 0 && char.IsLetter(l[0]) && l.EndsWith(':')).TrimEnd(':');
            foreach (var file in Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                var target = Path.Combine(browser.Server.ContentPath, relative);
                if (relative.Contains("fraser", StringComparison.Ordinal) && File.Exists(target))
                {
                    continue;
                }
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, File.ReadAllText(file).Replace("tovholder: koordinator-boern", "tovholder: " + owner));
            }
            await browser.Server.Services.GetRequiredService<ContentSynchronizer>().SyncAsync();
            s_done = true;
        }
        finally
        {
            s_gate.Release();
        }
    }
}
