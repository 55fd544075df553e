using Portal.Content;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Portal.Letters;

/// <summary>A shared phrase (frase) that templates include by its file name.</summary>
public sealed record Partial(string Name, string Slug, string FilePath, string Hash, CompiledTemplate Compiled);

/// <summary>The phrases available to templates: compiled once per content snapshot.</summary>
public sealed class PartialSet
{
    public static readonly PartialSet Empty = new([]);

    private readonly Dictionary<string, Partial> _byName;

    public PartialSet(IEnumerable<Partial> partials) =>
        _byName = partials.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<Partial> All => _byName.Values;

    public Partial? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Phrases from the served documents under skabeloner/fraser.</summary>
    public static PartialSet FromDocuments(IEnumerable<LibraryDocument> documents) => new(documents
        .Where(d => d.Slug.StartsWith(TemplateNames.PhraseFolder, StringComparison.OrdinalIgnoreCase) && d.Type == DocumentTypes.Phrase)
        .Select(d => Create(d.Slug, d.FilePath, d.Body, 3 + d.FrontMatter.Yaml.Count(c => c == '\n'))));

    public static Partial Create(string slug, string filePath, string body, int bodyStartLine) =>
        new(slug[(slug.LastIndexOf('/') + 1)..], slug, filePath, ContentHash.Of(body), TemplateCache.Shared.Compile(body, filePath, bodyStartLine));

    /// <summary>Every phrase a template includes, directly or through other phrases; unknown names are reported.</summary>
    public (IReadOnlyList<Partial> Found, IReadOnlyList<(string Name, TemplatePosition At)> Missing) Closure(CompiledTemplate template)
    {
        var found = new Dictionary<string, Partial>(StringComparer.OrdinalIgnoreCase);
        var missing = new List<(string, TemplatePosition)>();
        var queue = new Queue<(string Name, TemplatePosition At)>(template.Includes);
        while (queue.TryDequeue(out var include))
        {
            if (found.ContainsKey(include.Name))
            {
                continue;
            }
            if (Find(include.Name) is not { } partial)
            {
                missing.Add(include);
                continue;
            }
            found[partial.Name] = partial;
            foreach (var nested in partial.Compiled.Includes)
            {
                queue.Enqueue(nested);
            }
        }
        return (found.Values.ToList(), missing);
    }

    /// <summary>Puts the compiled phrases in the context's cache so include never parses and never reads files.</summary>
    internal void Prime(TemplateContext context)
    {
        context.TemplateLoader = new Loader(this);
        foreach (var partial in _byName.Values.Where(p => p.Compiled.Template is not null))
        {
            context.CachedTemplates[partial.Name] = partial.Compiled.Template!;
        }
    }

    /// <summary>Only phrases of this set can be included: no file system, no other documents.</summary>
    private sealed class Loader(PartialSet set) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) =>
            set.Find(templateName)?.Name
                ?? throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"Frasen '{templateName}' findes ikke under skabeloner/fraser.");

        // Valid phrases are already in the context's cache, so a load means the phrase has errors.
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            throw new Scriban.Syntax.ScriptRuntimeException(callerSpan, $"Frasen '{templatePath}' kan ikke indsættes, fordi den har fejl.");

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}

/// <summary>Compiled templates by file and text, so a template is parsed once however often it is used.</summary>
public sealed class TemplateCache
{
    public static readonly TemplateCache Shared = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string File, string Body, int Line), CompiledTemplate> _compiled = new();

    public CompiledTemplate Compile(string body, string file, int bodyStartLine)
    {
        if (_compiled.Count > 2000)
        {
            _compiled.Clear(); // old versions pile up only through many edits; start over rather than grow
        }
        return _compiled.GetOrAdd((file, body, bodyStartLine), k => TemplateCompiler.Compile(k.Body, k.File, k.Line));
    }

    public CompiledTemplate Compile(TemplateDefinition template) => Compile(template.Body, template.Document.FilePath, template.BodyStartLine);
}
