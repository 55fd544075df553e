namespace Portal.Checklists;

/// <summary>A task item from a tjekliste; Key stays the same while the item's section and text do.</summary>
public sealed record ChecklistItem(string Key, string Text, int Depth, int Line);

/// <summary>The items under one heading; Heading is null for items before the first heading.</summary>
public sealed record ChecklistSection(string? Heading, IReadOnlyList<ChecklistItem> Items);

/// <summary>A library checklist as a form: its task items grouped by section heading.</summary>
public sealed record ChecklistDefinition(string Slug, string Title, int Version, IReadOnlyList<ChecklistSection> Sections)
{
    public IEnumerable<ChecklistItem> Items => Sections.SelectMany(s => s.Items);

    public int Count => Sections.Sum(s => s.Items.Count);
}
