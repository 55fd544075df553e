namespace Portal.Transition;

/// <summary>The dates of Den Gode Overgang, in the order they normally fall.</summary>
public enum MilestoneKind
{
    Notice15Half,
    FastTrack,
    CafeInvitation,
    InformationLetter,
    CafeMeeting,
    CoordinationMeeting,
    Adult18,
}

/// <summary>Why a milestone's date deviates from the plain rule; each has a configured explanation.</summary>
public enum MilestoneNote
{
    LeapDay,
    MonthEnd,
    FixedMeetingDate,
    MovedAfterArrival,
    NoCafeMeeting,
    InformationOnly,
}

public enum MilestoneStatus
{
    Passed,
    Today,
    Upcoming,
}

/// <summary>A computed milestone date with the notes that explain it; texts are added by <see cref="MilestoneDescriber"/>.</summary>
public sealed record MilestoneDate(MilestoneKind Kind, DateOnly Date, IReadOnlyList<MilestoneNote> Notes)
{
    /// <summary>Informational milestones (the fast-track cut-off when it does not apply) are not tasks: the list view and calendar skip them.</summary>
    public bool IsAction => !Notes.Contains(MilestoneNote.InformationOnly);
}

/// <summary>All milestones for one young person plus the facts the rule texts refer to.</summary>
public sealed record TransitionSchedule(
    DateOnly DateOfBirth,
    DateOnly? Arrival,
    DateOnly HalfYear,
    DateOnly Sixteen,
    DateOnly Eighteen,
    bool FastTrack,
    DateOnly? CafeMeeting,
    IReadOnlyList<MilestoneDate> Milestones);

/// <summary>A milestone as shown to the caseworker: title, the explained rule ("Regel: ...") and notes.</summary>
public sealed record Milestone(
    MilestoneKind Kind,
    DateOnly Date,
    string Title,
    string Rule,
    IReadOnlyList<string> Notes,
    MilestoneStatus Status,
    bool IsAction,
    string? LetterTemplate);
