namespace Portal.Transition;

/// <summary>How a 29 February birthday falls in a year without a leap day.</summary>
public enum LeapDayRule
{
    FirstOfMarch,
    LastOfFebruary,
}

/// <summary>
/// Den Gode Overgang (section "Transition"): the cafémøde calendar, deadlines, the unit that acts on the
/// 15½-year notice, the letters and every Danish rule text. All values live in appsettings.json, not code.
/// </summary>
public sealed class TransitionOptions
{
    public const string Section = "Transition";

    /// <summary>Months with a cafémøde, exactly one in each quarter (seed 001: 2, 5, 8, 11).</summary>
    public List<int> MeetingMonths { get; set; } = [];

    /// <summary>The meeting day rule: this day of the meeting month, or, with <see cref="MeetingWeekday"/>, the first such weekday on or after it.</summary>
    public int MeetingDay { get; set; }

    public DayOfWeek? MeetingWeekday { get; set; }

    /// <summary>Dates the coordinator has fixed; a fixed date in a meeting month replaces the rule for that month.</summary>
    public List<DateOnly> MeetingDates { get; set; } = [];

    public int InvitationWeeksBefore { get; set; }

    /// <summary>Months after the 15½-year notice within which the unit decides.</summary>
    public int NoticeDecisionMonths { get; set; }

    public int CoordinationMonthsBefore18 { get; set; }

    /// <summary>Months after arrival (or after the case became known) within which a late case is put on Den hurtige Gode Overgang.</summary>
    public int FastTrackDecisionMonths { get; set; }

    /// <summary>The unit that acts on the 15½-year notice and calls the coordination meeting.</summary>
    public string NoticeUnit { get; set; } = "";

    public LeapDayRule LeapDayBirthday { get; set; } = LeapDayRule.FirstOfMarch;

    public string CafeInvitationTemplate { get; set; } = "";

    public string InformationLetterTemplate { get; set; } = "";

    /// <summary>Title and rule text per milestone, keyed by <see cref="MilestoneKind"/> name; {placeholders} are filled per young person.</summary>
    public Dictionary<string, MilestoneText> Milestones { get; set; } = [];

    /// <summary>Short explanations added to a milestone when a special rule applied, keyed by <see cref="MilestoneNote"/> name.</summary>
    public Dictionary<string, string> Notes { get; set; } = [];

    public TransitionListOptions List { get; set; } = new();

    public MilestoneText TextFor(MilestoneKind kind) => Milestones.TryGetValue(kind.ToString(), out var text) ? text : new MilestoneText();

    public string NoteFor(MilestoneNote note) => Notes.TryGetValue(note.ToString(), out var text) ? text : "";
}

public sealed class MilestoneText
{
    public string Title { get; set; } = "";
    public string Rule { get; set; } = "";
}

/// <summary>Limits for the list view, so a large paste never hangs the page.</summary>
public sealed class TransitionListOptions
{
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
    public int MaxRows { get; set; } = 200_000;
    public int MaxPeriodYears { get; set; } = 5;
    public int MaxCalendarEvents { get; set; } = 20_000;
}
