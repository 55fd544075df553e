using System.Text.Json;
using Portal.Content;

namespace Portal.Checklists;

/// <summary>
/// A checklist in use: which items are ticked and the note per item. Lives in the caseworker's circuit; it only
/// reaches the server's database through <see cref="ChecklistStore"/> when the caseworker saves deliberately.
/// </summary>
public sealed class ChecklistSession(ChecklistDefinition definition)
{
    public const int MaxNoteLength = 500;

    private readonly Dictionary<string, bool> _checked = [];
    private readonly Dictionary<string, string> _notes = [];

    public ChecklistDefinition Definition => definition;

    public DateOnly? MeetingDate { get; set; }

    /// <summary>True when something changed since the last save or load.</summary>
    public bool IsDirty { get; private set; }

    public int Total => definition.Count;

    public int Done => definition.Items.Count(i => IsChecked(i.Key));

    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);

    public bool IsComplete => Total > 0 && Done == Total;

    public bool IsChecked(string key) => _checked.GetValueOrDefault(key);

    public string Note(string key) => _notes.GetValueOrDefault(key, "");

    /// <summary>Why the checklist may not be saved: a CPR number in the label or a note (never stored), else null.</summary>
    public string? PersonalDataProblem(string? label) =>
        Privacy.CprDetector.Contains(label) || _notes.Values.Any(Privacy.CprDetector.Contains)
            ? "Tjeklisten er ikke gemt: en note eller betegnelsen ser ud til at indeholde et CPR-nummer. Fjern det, og gem igen. Skriv aldrig CPR-numre i tjeklisten."
            : null;

    public void SetChecked(string key, bool value)
    {
        _checked[key] = value;
        IsDirty = true;
    }

    /// <summary>
    /// Sets the item's note; a note over <see cref="MaxNoteLength"/> is refused whole (never cut), the earlier note
    /// stays, and the Danish reason is returned for the field.
    /// </summary>
    public string? SetNote(string key, string? note)
    {
        var text = (note ?? "").Trim();
        if (text.Length > MaxNoteLength)
        {
            return string.Create(DanishFormat.Culture, $"Noten er {text.Length:N0} tegn. Den må højst være {MaxNoteLength} tegn; forkort den, så den bliver gemt.");
        }
        if (text.Length == 0)
        {
            _notes.Remove(key);
        }
        else
        {
            _notes[key] = text;
        }
        IsDirty = true;
        return null;
    }

    public void Reset()
    {
        _checked.Clear();
        _notes.Clear();
        IsDirty = false;
    }

    public void MarkSaved() => IsDirty = false;

    /// <summary>
    /// The ticked items for the aftalereferat, each as "item – note" when a note was written; items under the
    /// caseworker's own preparation headings ("Før mødet") are not what was talked about, so they stay out.
    /// </summary>
    public IReadOnlyList<string> ReferatPoints(IReadOnlyCollection<string>? preparationHeadings = null) => definition.Sections
        .Where(s => s.Heading is null || preparationHeadings is null || !preparationHeadings.Contains(s.Heading.Trim(), StringComparer.OrdinalIgnoreCase))
        .SelectMany(s => s.Items)
        .Where(i => IsChecked(i.Key))
        .Select(i => Note(i.Key) is { Length: > 0 } note ? $"{i.Text} – {note}" : i.Text)
        .ToList();

    /// <summary>Field values for the aftalereferat template (sag.punkter, sag.moede_dato).</summary>
    public IReadOnlyDictionary<string, object?> ReferatValues(DateOnly today, IReadOnlyCollection<string>? preparationHeadings = null) => new Dictionary<string, object?>
    {
        ["punkter"] = ReferatPoints(preparationHeadings),
        ["moede_dato"] = MeetingDate ?? today,
    };

    public string ToJson() => JsonSerializer.Serialize(new SavedState(
        definition.Items.Where(i => IsChecked(i.Key)).Select(i => i.Key).ToList(),
        definition.Items.Where(i => Note(i.Key).Length > 0).ToDictionary(i => i.Key, i => Note(i.Key)),
        MeetingDate));

    /// <summary>Restores a saved state; returns how many saved items no longer exist in the (edited) checklist.</summary>
    public int Restore(string json)
    {
        Reset();
        var state = JsonSerializer.Deserialize<SavedState>(json) ?? new SavedState([], [], null);
        var keys = definition.Items.Select(i => i.Key).ToHashSet(StringComparer.Ordinal);
        var lost = 0;
        foreach (var key in state.Checked)
        {
            if (keys.Contains(key))
            {
                _checked[key] = true;
            }
            else
            {
                lost++;
            }
        }
        foreach (var (key, note) in state.Notes)
        {
            var kept = keys.Contains(key) && SetNote(key, note) is null;
            // A removed item counts once (its tick may have counted it already); a note too long to keep counts too.
            if (!kept && (keys.Contains(key) || !state.Checked.Contains(key)))
            {
                lost++;
            }
        }
        MeetingDate = state.MeetingDate;
        IsDirty = false;
        return lost;
    }

    /// <summary>The state for the tab's sessionStorage: as <see cref="ToJson"/>, plus whether it differs from the last save.</summary>
    public string ToDraftJson() => JsonSerializer.Serialize(new TabState(ToJson(), IsDirty));

    /// <summary>Puts the tab's copy back after a reload or Back; false when there is none that fits.</summary>
    public bool RestoreDraft(string json)
    {
        try
        {
            if (JsonSerializer.Deserialize<TabState>(json) is not { } state)
            {
                return false;
            }
            Restore(state.Json);
            IsDirty = state.Dirty;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record TabState(string Json, bool Dirty);

    private sealed record SavedState(List<string> Checked, Dictionary<string, string> Notes, DateOnly? MeetingDate);
}
