using System.Globalization;
using Portal.Content;
using Portal.Documents;

namespace Portal.Editing;

/// <summary>
/// What the editor page holds between renders: the front matter as YAML text (the form reads and writes
/// single keys in it), the Markdown body, the stamp to save against, and the last result.
/// </summary>
public sealed class EditorState(EditorDocument document)
{
    private string _parsedFor = "\0";
    private FrontMatter? _frontMatter;

    public string Slug { get; private set; } = document.Slug;
    public Guid Stamp { get; private set; } = document.Stamp;
    public EditorDocument Document { get; private set; } = document;
    public string FrontMatterYaml { get; set; } = DocumentText.Split(document.Latest.Content).FrontMatter;
    public string Body { get; set; } = DocumentText.Split(document.Latest.Content).Body;
    public string Comment { get; set; } = "";

    /// <summary>Set when the disk text was loaded to merge: publishing then resolves that conflict.</summary>
    public int? ResolvingConflictId { get; private set; }

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public EditResult? LastResult { get; private set; }

    /// <summary>The version saved by someone else meanwhile, after a refused save.</summary>
    public VersionView? Theirs { get; private set; }
    private Guid? _theirStamp;

    public string Text => new DocumentText(FrontMatterYaml, Body).Compose();

    public bool IsDirty => Text != Document.Latest.Content;

    public FrontMatter? FrontMatter
    {
        get
        {
            if (_parsedFor != FrontMatterYaml)
            {
                _frontMatter = FrontMatterReader.Read("---\n" + FrontMatterYaml + (FrontMatterYaml.EndsWith('\n') ? "" : "\n") + "---\n", Slug + ".md").FrontMatter;
                _parsedFor = FrontMatterYaml;
            }
            return _frontMatter;
        }
    }

    public string Get(string key) => FrontMatter?.GetString(key) ?? "";

    public IReadOnlyList<string> GetList(string key) => FrontMatter?.GetList(key, splitCommas: key == "tags") ?? [];

    public DateTime? GetDate(string key) =>
        DateTime.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public void Set(string key, string? value) => FrontMatterYaml = FrontMatterEditor.Set(FrontMatterYaml, key, value);

    public void SetDate(string key, DateTime? value) => Set(key, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public void SetList(string key, IEnumerable<string> items, bool inline = false) => FrontMatterYaml = FrontMatterEditor.SetList(FrontMatterYaml, key, items, inline);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Takes a save's outcome: a new stamp and a clean slate, field errors, or the other version to merge with.</summary>
    public void Apply(EditResult result, EditorDocument? reloaded = null)
    {
        LastResult = result;
        Errors = result.Errors;
        if (result.Status == EditStatus.Conflict)
        {
            Theirs = result.Theirs;
            _theirStamp = result.Stamp;
            return;
        }
        if (result.Succeeded && reloaded is not null)
        {
            Document = reloaded;
            Slug = reloaded.Slug;
            Stamp = reloaded.Stamp;
            Comment = "";
            Theirs = null;
            ResolvingConflictId = null;
        }
    }

    /// <summary>Drops my text and continues from the version saved meanwhile.</summary>
    public void UseTheirs()
    {
        if (Theirs is null)
        {
            return;
        }
        Load(Theirs.Content);
        Stamp = _theirStamp ?? Stamp;
        Theirs = null;
    }

    /// <summary>Keeps my (merged) text; having seen the other version, the next save may replace it.</summary>
    public void KeepMine()
    {
        Stamp = _theirStamp ?? Stamp;
        Theirs = null;
        LastResult = null;
    }

    /// <summary>Loads the file's text from content/ into the editor; publishing it resolves the disk conflict.</summary>
    public void LoadDiskText(ConflictView conflict)
    {
        Load(conflict.DiskText);
        ResolvingConflictId = conflict.Id;
    }

    private void Load(string text)
    {
        var split = DocumentText.Split(text);
        (FrontMatterYaml, Body) = (split.FrontMatter, split.Body);
    }
}
