using Portal.Content;

namespace Portal.Letters;

/// <summary>Skabelontype: decisions and letters are filled in; phrases are included by them.</summary>
public enum TemplateKind
{
    Decision,
    Letter,
    Phrase,
}

/// <summary>Afgørelsestype: drives the rules (oral notice before a refusal).</summary>
public enum DecisionType
{
    Grant,
    PartialGrant,
    Refusal,
    Other,
}

/// <summary>Modtagere: one letter per recipient, or one letter with a copy list.</summary>
public enum RecipientMode
{
    Each,
    Copy,
}

public enum FieldType
{
    Text,
    LongText,
    Date,
    Number,
    Amount,
    Choice,
    YesNo,
    List,
}

/// <summary>A form field declared in a template's front matter (felter).</summary>
public sealed record TemplateField(
    string Name,
    string Label,
    FieldType Type,
    bool Required,
    string? Help,
    IReadOnlyList<string> Options,
    object? DefaultValue,
    int Line,
    int? MaxLength = null)
{
    /// <summary>The most characters a value (each item of a list) may have: the front matter's maks_længde or the type's default.</summary>
    public int Limit => MaxLength ?? FieldLimits.DefaultFor(Type);
}

/// <summary>A letter or decision template (or phrase) read from a document under skabeloner/.</summary>
public sealed record TemplateDefinition
{
    public required LibraryDocument Document { get; init; }
    public required TemplateKind Kind { get; init; }
    public DecisionType? DecisionType { get; init; }
    public RecipientMode RecipientMode { get; init; } = RecipientMode.Copy;
    public IReadOnlyList<TemplateField> Fields { get; init; } = [];

    /// <summary>Sample case data (raw YAML values: string or list of strings) for preview and tests.</summary>
    public IReadOnlyDictionary<string, object?> Example { get; init; } = new Dictionary<string, object?>();

    /// <summary>The file line where the Markdown body starts, to turn template positions into file lines.</summary>
    public int BodyStartLine { get; init; } = 1;

    /// <summary>juridisk_status: only an approved, unchanged template produces a final letter.</summary>
    public LegalStatus LegalStatus { get; init; } = new(LegalState.Pending, null, null, null, null, "");

    /// <summary>KLE emne and handlingsfacet from front matter; null when the template has none (it cannot be sent).</summary>
    public KleClassification? Kle { get; init; }

    /// <summary>FORM task for MeMo's FORMdata, where the template declares one.</summary>
    public FormClassification? Form { get; init; }

    public string Slug => Document.Slug;
    public string Title => Document.Title;
    public string Body => Document.Body;

    /// <summary>The name a phrase is included by: its file name without .md.</summary>
    public string PartialName => Slug[(Slug.LastIndexOf('/') + 1)..];

    /// <summary>Afslag and delvis bevilling must have been given orally before the written decision.</summary>
    public bool RequiresOralNotice => Kind == TemplateKind.Decision && DecisionType is Letters.DecisionType.Refusal or Letters.DecisionType.PartialGrant;

    public TemplateField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
