using Portal.Content;

namespace Portal.Transition;

/// <summary>
/// The date rules of Den Gode Overgang (seed 001, recommendation 6) as plain calculations. Call
/// <see cref="ValidateDateOfBirth"/> and <see cref="ValidateArrival"/> before <see cref="Schedule"/>.
/// </summary>
public sealed class TransitionRules(TransitionOptions options)
{
    /// <summary>15½ years: the date of birth plus 186 months; a day the month lacks becomes its last day (31 August → 28/29 February).</summary>
    public static DateOnly HalfYear(DateOnly dateOfBirth) => dateOfBirth.AddMonths(15 * 12 + 6);

    public static int Quarter(DateOnly date) => (date.Month - 1) / 3 + 1;

    /// <summary>The day a person turns <paramref name="years"/>; a 29 February birthday follows <paramref name="rule"/> in years without a leap day.</summary>
    public static DateOnly Birthday(DateOnly dateOfBirth, int years, LeapDayRule rule)
    {
        var year = dateOfBirth.Year + years;
        if (dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year))
        {
            return rule == LeapDayRule.FirstOfMarch ? new DateOnly(year, 3, 1) : new DateOnly(year, 2, 28);
        }
        return new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
    }

    public DateOnly Birthday(DateOnly dateOfBirth, int years) => Birthday(dateOfBirth, years, options.LeapDayBirthday);

    /// <summary>The configured meeting month in the quarter (1-4).</summary>
    public int MeetingMonthOf(int quarter) => options.MeetingMonths.First(m => (m - 1) / 3 + 1 == quarter);

    /// <summary>The cafémøde in a meeting month: a fixed date if configured, else the meeting day rule.</summary>
    public (DateOnly Date, bool Fixed) MeetingIn(int year, int month)
    {
        foreach (var date in options.MeetingDates)
        {
            if (date.Year == year && date.Month == month)
            {
                return (date, true);
            }
        }
        var day = new DateOnly(year, month, options.MeetingDay);
        if (options.MeetingWeekday is { } weekday)
        {
            day = day.AddDays(((int)weekday - (int)day.DayOfWeek + 7) % 7);
        }
        return (day, false);
    }

    /// <summary>The cafémøde held in the quarter that contains <paramref name="date"/>.</summary>
    public (DateOnly Date, bool Fixed) MeetingInQuarterOf(DateOnly date) => MeetingIn(date.Year, MeetingMonthOf(Quarter(date)));

    public DateOnly InvitationFor(DateOnly meeting) => meeting.AddDays(-7 * options.InvitationWeeksBefore);

    /// <summary>A Danish message when the date of birth cannot be planned from, else null.</summary>
    public static string? ValidateDateOfBirth(DateOnly dateOfBirth, DateOnly today)
    {
        if (dateOfBirth > today)
        {
            return $"Fødselsdatoen {DanishFormat.Date(dateOfBirth)} ligger i fremtiden. Tjek datoen.";
        }
        if (dateOfBirth.Year < 1900)
        {
            return $"Fødselsdatoen {DanishFormat.Date(dateOfBirth)} ligger for langt tilbage. Tjek årstallet.";
        }
        return null;
    }

    /// <summary>A Danish message when the arrival date (handlekommune from, or case known from) does not fit, else null.</summary>
    public string? ValidateArrival(DateOnly dateOfBirth, DateOnly arrival)
    {
        if (arrival < dateOfBirth)
        {
            return "Datoen for tilflytning ligger før fødselsdatoen. Tjek datoerne.";
        }
        var eighteen = Birthday(dateOfBirth, 18);
        if (arrival >= eighteen)
        {
            return $"Den unge fyldte 18 år den {DanishFormat.Date(eighteen)}, før kommunen blev handlekommune. Den Gode Overgang gælder ikke.";
        }
        return null;
    }

    public TransitionSchedule Schedule(DateOnly dateOfBirth, DateOnly? arrival = null)
    {
        var leapDay = dateOfBirth is { Month: 2, Day: 29 };
        var half = HalfYear(dateOfBirth);
        var sixteen = Birthday(dateOfBirth, 16);
        var eighteen = Birthday(dateOfBirth, 18);
        var fastTrack = arrival is { } a && a >= half;
        DateOnly? fastDecision = fastTrack ? Min(arrival!.Value.AddMonths(options.FastTrackDecisionMonths), eighteen) : null;
        var milestones = new List<MilestoneDate>(7);

        if (!fastTrack)
        {
            milestones.Add(new(MilestoneKind.Notice15Half, half, half.Day != dateOfBirth.Day ? [MilestoneNote.MonthEnd] : []));
        }
        milestones.Add(fastTrack
            ? new(MilestoneKind.FastTrack, fastDecision!.Value, [MilestoneNote.MovedAfterArrival])
            : new(MilestoneKind.FastTrack, half, [MilestoneNote.InformationOnly]));

        var cafe = CafeMeetingFor(sixteen, eighteen, arrival);
        if (cafe is { } c)
        {
            var notes = new List<MilestoneNote>();
            if (c.Fixed)
            {
                notes.Add(MilestoneNote.FixedMeetingDate);
            }
            if (c.Moved)
            {
                notes.Add(MilestoneNote.MovedAfterArrival);
            }
            var invitation = InvitationFor(c.Date);
            milestones.Add(new(MilestoneKind.CafeInvitation, invitation, notes));
            milestones.Add(new(MilestoneKind.InformationLetter, invitation, c.Moved ? [MilestoneNote.MovedAfterArrival] : []));
            var meetingNotes = leapDay && sixteen.Day != 29 ? notes.Append(MilestoneNote.LeapDay).ToList() : notes;
            milestones.Add(new(MilestoneKind.CafeMeeting, c.Date, meetingNotes));
        }
        else
        {
            milestones.Add(new(MilestoneKind.InformationLetter, fastDecision ?? arrival!.Value, [MilestoneNote.NoCafeMeeting]));
        }

        milestones.Add(CoordinationFor(eighteen, leapDay, arrival, fastDecision));
        milestones.Add(new(MilestoneKind.Adult18, eighteen, leapDay ? [MilestoneNote.LeapDay] : []));

        milestones.Sort((x, y) => x.Date != y.Date ? x.Date.CompareTo(y.Date) : x.Kind.CompareTo(y.Kind));
        return new TransitionSchedule(dateOfBirth, arrival, half, sixteen, eighteen, fastTrack, cafe?.Date, milestones);
    }

    // The meeting in the quarter of the 16th birthday; after a late arrival, the first meeting whose invitation can still be sent, if before 18.
    private (DateOnly Date, bool Fixed, bool Moved)? CafeMeetingFor(DateOnly sixteen, DateOnly eighteen, DateOnly? arrival)
    {
        var (date, isFixed) = MeetingInQuarterOf(sixteen);
        if (arrival is not { } a || InvitationFor(date) >= a)
        {
            return (date, isFixed, false);
        }
        var quarterStart = new DateOnly(a.Year, (Quarter(a) - 1) * 3 + 1, 1);
        for (var i = 0; i < 12; i++)
        {
            var (next, nextFixed) = MeetingInQuarterOf(quarterStart.AddMonths(3 * i));
            if (next >= eighteen)
            {
                return null;
            }
            if (InvitationFor(next) >= a)
            {
                return (next, nextFixed, true);
            }
        }
        return null;
    }

    private MilestoneDate CoordinationFor(DateOnly eighteen, bool leapDay, DateOnly? arrival, DateOnly? fastDecision)
    {
        var date = eighteen.AddMonths(-options.CoordinationMonthsBefore18);
        if (arrival is { } a && date < a)
        {
            return new(MilestoneKind.CoordinationMeeting, fastDecision ?? a, [MilestoneNote.MovedAfterArrival]);
        }
        var notes = new List<MilestoneNote>();
        if (leapDay)
        {
            notes.Add(MilestoneNote.LeapDay);
        }
        if (date.Day != eighteen.Day)
        {
            notes.Add(MilestoneNote.MonthEnd);
        }
        return new(MilestoneKind.CoordinationMeeting, date, notes);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
