using System.Text;
using Portal.Content;

namespace Portal.Transition;

/// <summary>Turns computed dates into what the caseworker reads: configured titles and rule texts with the young person's dates filled in.</summary>
public sealed class MilestoneDescriber(TransitionOptions options)
{
    /// <summary>The {placeholders} a configured text may use.</summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(StringComparer.Ordinal)
    {
        "enhed", "foedselsdato", "femtenhalv", "fylder16", "fylder18", "kvartal", "moedemaaned", "moedemaaneder",
        "moededag", "cafemoede", "uger", "maaneder", "stillingtagen", "hurtigfrist", "tilflytning", "skuddagsregel",
    };

    public IReadOnlyList<Milestone> Describe(TransitionSchedule schedule, DateOnly today)
    {
        var values = ValuesFor(schedule);
        return schedule.Milestones.Select(m => Describe(m, values, today)).ToList();
    }

    private Milestone Describe(MilestoneDate milestone, IReadOnlyDictionary<string, string> values, DateOnly today)
    {
        var text = options.TextFor(milestone.Kind);
        var notes = milestone.Notes.Select(n => Fill(options.NoteFor(n), values)).Where(n => n.Length > 0).ToList();
        var status = milestone.Date < today ? MilestoneStatus.Passed : milestone.Date == today ? MilestoneStatus.Today : MilestoneStatus.Upcoming;
        return new Milestone(milestone.Kind, milestone.Date, Fill(text.Title, values), Fill(text.Rule, values), notes, status, milestone.IsAction, LetterFor(milestone.Kind));
    }

    public string? LetterFor(MilestoneKind kind) => kind switch
    {
        MilestoneKind.CafeInvitation or MilestoneKind.CafeMeeting => options.CafeInvitationTemplate,
        MilestoneKind.InformationLetter => options.InformationLetterTemplate,
        _ => null,
    };

    public string TitleOf(MilestoneKind kind) => options.TextFor(kind).Title;

    /// <summary>The rule text for one milestone of one schedule (the calendar export's description).</summary>
    public string RuleFor(TransitionSchedule schedule, MilestoneKind kind) => Fill(options.TextFor(kind).Rule, ValuesFor(schedule));

    public IReadOnlyDictionary<string, string> ValuesFor(TransitionSchedule s)
    {
        var rules = new TransitionRules(options);
        var quarter = TransitionRules.Quarter(s.Sixteen);
        var meetingMonth = rules.MeetingMonthOf(quarter);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["enhed"] = options.NoticeUnit,
            ["foedselsdato"] = DanishFormat.Date(s.DateOfBirth),
            ["femtenhalv"] = DanishFormat.Date(s.HalfYear),
            ["fylder16"] = DanishFormat.Date(s.Sixteen),
            ["fylder18"] = DanishFormat.Date(s.Eighteen),
            ["kvartal"] = $"{quarter}. kvartal {s.Sixteen.Year}",
            ["moedemaaned"] = MonthName(meetingMonth) + " " + s.Sixteen.Year,
            ["moedemaaneder"] = JoinDanish(options.MeetingMonths.Order().Select(MonthName)),
            ["moededag"] = MeetingDayRule(),
            ["cafemoede"] = s.CafeMeeting is { } c ? DanishFormat.Date(c) : "intet cafémøde",
            ["uger"] = options.InvitationWeeksBefore.ToString(DanishFormat.Culture),
            ["maaneder"] = options.CoordinationMonthsBefore18.ToString(DanishFormat.Culture),
            ["stillingtagen"] = DanishFormat.Date(s.HalfYear.AddMonths(options.NoticeDecisionMonths)),
            ["hurtigfrist"] = s.FastTrack
                ? DanishFormat.Date(s.Milestones.First(m => m.Kind == MilestoneKind.FastTrack).Date)
                : $"{DanishFormat.Count(options.FastTrackDecisionMonths, "måned", "måneder")} efter, at sagen er kendt",
            ["tilflytning"] = s.Arrival is { } a ? DanishFormat.Date(a) : "",
            ["skuddagsregel"] = options.LeapDayBirthday == LeapDayRule.FirstOfMarch ? "1. marts" : "28. februar",
        };
    }

    /// <summary>The meeting day rule in words, e.g. "den første onsdag fra og med den 15.".</summary>
    public string MeetingDayRule() => options.MeetingWeekday is { } weekday
        ? $"den første {DanishFormat.Culture.DateTimeFormat.GetDayName(weekday)} fra og med den {options.MeetingDay}. i mødemåneden"
        : $"den {options.MeetingDay}. i mødemåneden";

    public static string MonthName(int month) => DanishFormat.Culture.DateTimeFormat.GetMonthName(month);

    public static string JoinDanish(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " og " + list[^1];
    }

    /// <summary>Replaces {name} with its value; unknown names are left as written (the options validator reports them).</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }
        var sb = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            sb.Append(values.TryGetValue(name, out var value) ? value : template[open..(close + 1)]);
            i = close + 1;
        }
        return sb.ToString();
    }

    /// <summary>The {names} used in a text, for validation.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                yield break;
            }
            yield return template[(i + 1)..close];
            i = close + 1;
        }
    }
}
