namespace Portal.Content;

/// <summary>Område: which part of the disability area a document belongs to.</summary>
public enum Area
{
    Children,
    Adults,
    Shared,
}

public enum IssueSeverity
{
    Error,
    Warning,
}

/// <summary>A problem found in a content file; File is relative to the content root, Line is 1-based (0 = whole file).</summary>
public sealed record ContentIssue(string File, int Line, IssueSeverity Severity, string Message);

/// <summary>Tovholder: the named person responsible for a document.</summary>
public sealed record Owner(string Key, string Name, string Function, string Email, string Unit);

public enum ReviewStatus
{
    Valid,
    DueSoon,
    Overdue,
}

/// <summary>A heading in a document's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A law reference found in text or lovgrundlag; Url is null when the law is unknown.</summary>
public sealed record LawReference(string Text, string? LawKey, string? Paragraph, string? Url);

/// <summary>Folder metadata from _mappe.yml.</summary>
public sealed record FolderInfo(string Path, string Title, string? Description, int Order);
