namespace Portal.Checklists;

/// <summary>Interactive checklists (section "Checklists"): how long a deliberately saved checklist is kept, and the referat template.</summary>
public sealed class ChecklistOptions
{
    public const string Section = "Checklists";

    /// <summary>Days a saved checklist is kept after its last save; then the cleanup deletes it.</summary>
    public int RetentionDays { get; set; } = 30;

    public int CleanupIntervalMinutes { get; set; } = 60;

    public string ReferatTemplate { get; set; } = "skabeloner/breve/aftalereferat";

    /// <summary>Sections that are the caseworker's own preparation: their ticks stay out of the referat to the citizen.</summary>
    public List<string> PreparationHeadings { get; set; } = ["Før mødet"];

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);

    public TimeSpan CleanupInterval => TimeSpan.FromMinutes(CleanupIntervalMinutes);
}
