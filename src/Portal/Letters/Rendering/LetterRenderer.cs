using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Portal.Content;
using Scriban;
using Scriban.Syntax;

namespace Portal.Letters;

/// <summary>
/// Fills a template in a sandbox: a fresh context per render, Danish culture, strict variables and members,
/// no .NET member access, loop/recursion/output limits, a timeout, and phrases only from the snapshot.
/// The Markdown result goes through the shared renderer and sanitiser.
/// </summary>
public sealed partial class LetterRenderer(MarkdownRenderer markdown, IOptions<LettersOptions> options)
{
    private static readonly CultureInfo s_culture = DanishFormat.Culture;

    // Scriban's built-in functions, built once: creating them per context cost half of each render. Read-only,
    // so a template cannot change what the next letter sees (tested).
    private static readonly Scriban.Runtime.ScriptObject s_builtins = CreateBuiltins();

    private static Scriban.Runtime.ScriptObject CreateBuiltins()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        foreach (var member in builtins.Values.OfType<Scriban.Runtime.ScriptObject>())
        {
            member.IsReadOnly = true;
        }
        builtins.IsReadOnly = true;
        return builtins;
    }

    public string RenderMarkdown(CompiledTemplate compiled, PartialSet partials, Scriban.Runtime.ScriptObject model, Scriban.Runtime.ScriptObject? letterFunctions = null)
    {
        if (compiled.Template is not { } template)
        {
            throw new LetterRenderException("Skabelonen har fejl og kan ikke bruges: " + string.Join(" ", compiled.Issues.Select(i => i.Message)));
        }
        var limits = options.Value;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(limits.RenderTimeoutMilliseconds));
        var context = new TemplateContext(s_builtins)
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            EnableRelaxedFunctionAccess = false,
            EnableRelaxedIndexerAccess = false,
            MemberFilter = static _ => false,
            LoopLimit = limits.LoopLimit,
            LoopLimitQueryable = limits.LoopLimit,
            RecursiveLimit = limits.RecursiveLimit,
            OutputLimit = limits.OutputLimit,
            LimitToString = limits.OutputLimit,
            // Scriban truncates at a limit by default; a letter cut short could lose its klagevejledning.
            OnOutputLimit = ScriptLimitBehavior.Throw,
            OnStringLimit = ScriptLimitBehavior.Throw,
            RegexTimeOut = TimeSpan.FromMilliseconds(200),
            CancellationToken = timeout.Token,
            NewLine = "\n",
        };
        context.PushCulture(s_culture);
        partials.Prime(context);
        context.PushGlobal(DanishFunctions.Object);
        if (letterFunctions is not null)
        {
            context.PushGlobal(letterFunctions);
        }
        context.PushGlobal(model);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException ex)
        {
            var line = ex.Span.Start.Line + LineOffset(ex.Span.FileName, compiled, partials);
            throw new LetterRenderException(
                $"Skabelonen kunne ikke udfyldes ({ex.Span.FileName}, linje {line}, kolonne {ex.Span.Start.Column + 1}): {ScribanMessages.Translate(ex.OriginalMessage)}",
                ex.Span.FileName, line, ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException or TimeoutException or OperationCanceledException)
        {
            throw new LetterRenderException(ex is TimeoutException or OperationCanceledException
                ? "Skabelonen kunne ikke udfyldes: skabelonen tog for lang tid at udfylde."
                : $"Skabelonen kunne ikke udfyldes: en værdi kunne ikke bruges i skabelonen. ({ex.GetType().Name})", inner: ex);
        }
    }

    /// <summary>Blocks of HTML kept per law catalogue (the law links depend on it); past this many the cache starts over.</summary>
    public const int MaxCachedBlocks = 2048;

    private readonly ConditionalWeakTable<LawCatalog, ConcurrentDictionary<string, string>> _blocks = new();

    /// <summary>
    /// Markdown → safe HTML with the shared pipeline; heading ids dropped so several letters can share a page.
    /// With <paramref name="personal"/> (the texts that identify the citizen) the letter is rendered block by block and
    /// the HTML of each block without them is kept: the template's fixed text is then parsed once, not for every letter.
    /// A block holding case data is never kept. Without it, or when a block would need the sanitiser, the letter is rendered whole.
    /// </summary>
    public string ToHtml(string letterMarkdown, LawCatalog laws, IReadOnlyList<string>? personal = null)
    {
        if (personal is null || letterMarkdown.Contains(Separator, StringComparison.Ordinal) || LetterBlocks.Split(letterMarkdown) is not { } blocks)
        {
            return Whole(letterMarkdown, laws);
        }
        var cache = _blocks.GetValue(laws, static _ => new(StringComparer.Ordinal));
        var parts = new string?[blocks.Count];
        var missing = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (!cache.TryGetValue(blocks[i], out parts[i]))
            {
                missing.Add(i);
            }
        }
        if (missing.Count > 0)
        {
            // The blocks not kept are parsed together, in one document with a separator paragraph between them: one
            // parse per letter, however many blocks hold case data.
            var joined = string.Join("\n\n" + Separator + "\n\n", missing.Select(i => blocks[i]));
            var rendered = markdown.Render(joined, null, laws, sanitizeOnlyWhenNeeded: true);
            var pieces = rendered.Sanitized ? [] : HeadingId().Replace(rendered.Html, "<h$1").Split(SeparatorHtml);
            if (pieces.Length != missing.Count)
            {
                return Whole(letterMarkdown, laws); // the sanitiser reads the letter as a whole
            }
            for (var m = 0; m < missing.Count; m++)
            {
                var block = blocks[missing[m]];
                parts[missing[m]] = pieces[m];
                if (!LetterBlocks.HoldsAny(block, personal))
                {
                    if (cache.Count >= MaxCachedBlocks)
                    {
                        cache.Clear();
                    }
                    cache.TryAdd(block, pieces[m]);
                }
            }
        }
        return string.Concat(parts);
    }

    // A paragraph of one private-use character: not a letter, so it cannot join the blocks around it, and not in any letter.
    private const string Separator = "\uE000";
    private const string SeparatorHtml = "<p>" + Separator + "</p>\n";

    /// <summary>The blocks kept for a law catalogue (for tests).</summary>
    internal IReadOnlyCollection<string> KeptBlocks(LawCatalog laws) => _blocks.TryGetValue(laws, out var cache) ? cache.Keys.ToList() : [];

    private string Whole(string letterMarkdown, LawCatalog laws) =>
        HeadingId().Replace(markdown.Render(letterMarkdown, null, laws, sanitizeOnlyWhenNeeded: true).Html, "<h$1");

    // Scriban lines are 0-based within the body; the file line adds the front matter.
    private static int LineOffset(string? file, CompiledTemplate compiled, PartialSet partials) =>
        (partials.All.FirstOrDefault(p => p.FilePath == file)?.Compiled ?? compiled).BodyStartLine;

    [GeneratedRegex("<h([1-6]) id=\"[^\"]*\"")]
    private static partial Regex HeadingId();
}
