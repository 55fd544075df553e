using Portal.Content;

namespace Portal.Documents;

/// <summary>A validation problem tied to a form field ("titel", "tovholder", ..., "tekst", "frontmatter", "kommentar").</summary>
public sealed record FieldError(string Field, int Line, string Message);

/// <summary>A stored version as shown in the editor, the history and the conflict views.</summary>
public sealed record VersionView(int Number, string Content, DateTimeOffset CreatedAt, string Author, string? Comment, VersionSource Source, VersionState State)
{
    public static VersionView Of(DocumentVersion v) => new(v.Number, v.Content, v.CreatedAt, v.Author, v.Comment, v.Source, v.State);
}

/// <summary>What the editor opens: the newest version (a draft or the published one) and the stamp to save against.</summary>
public sealed record EditorDocument(string Slug, Guid Stamp, VersionView Latest, VersionView? Published, ConflictView? OpenConflict)
{
    public bool HasDraft => Published is null || Latest.Number > Published.Number;
}

public sealed record ConflictView(int Id, string Slug, string DiskText, DateTimeOffset DetectedAt, VersionView? Portal);

public enum EditStatus
{
    Saved,
    Invalid,
    Conflict,
    NotFound,
    Refused,
}

/// <summary>What happened to the file in content/ after a publish.</summary>
public enum FileStatus
{
    NotWritten,
    Written,
    Pending,
    Conflict,
}

public sealed record EditResult(EditStatus Status, string Message)
{
    public string? Slug { get; init; }
    public int? VersionNumber { get; init; }
    public Guid? Stamp { get; init; }
    public FileStatus File { get; init; }
    public IReadOnlyList<FieldError> Errors { get; init; } = [];
    public IReadOnlyList<ContentIssue> Warnings { get; init; } = [];

    /// <summary>For a refused concurrent save: the version saved meanwhile, to merge with.</summary>
    public VersionView? Theirs { get; init; }

    public bool Succeeded => Status == EditStatus.Saved;

    public static EditResult NotFound(string slug) => new(EditStatus.NotFound, $"Der er intet dokument med adressen '{slug}'.");

    public static EditResult Refused(string message) => new(EditStatus.Refused, message);

    public static EditResult Invalid(IReadOnlyList<FieldError> errors) =>
        new(EditStatus.Invalid, "Dokumentet er ikke gemt, fordi der er fejl. Ret dem og prøv igen.") { Errors = errors };
}
