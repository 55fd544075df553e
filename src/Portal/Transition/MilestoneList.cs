using Portal.Content;

namespace Portal.Transition;

/// <summary>One young person reaching one milestone inside the chosen period.</summary>
public sealed record MilestoneHit(CaseRow Row, MilestoneKind Kind, DateOnly Date, string Title);

/// <summary>Everyone in a case list who reaches a milestone within a period; informational milestones are left out.</summary>
public sealed class MilestoneList(TransitionRules rules, MilestoneDescriber describer)
{
    public static string? ValidatePeriod(DateOnly? from, DateOnly? to, int maxYears)
    {
        if (from is null || to is null)
        {
            return "Vælg både en start- og en slutdato for perioden.";
        }
        if (to < from)
        {
            return "Periodens slutdato ligger før startdatoen.";
        }
        if (to.Value > from.Value.AddYears(maxYears))
        {
            return $"Perioden må højst være {maxYears} år. Vælg en kortere periode.";
        }
        return null;
    }

    public IReadOnlyList<MilestoneHit> Build(IReadOnlyList<CaseRow> rows, DateOnly from, DateOnly to)
    {
        var titles = Enum.GetValues<MilestoneKind>().ToDictionary(k => k, describer.TitleOf);
        var hits = new List<MilestoneHit>();
        foreach (var row in rows)
        {
            // Someone who turned 18 before the period has nothing left in it.
            if (TransitionRules.Birthday(row.DateOfBirth, 18, LeapDayRule.FirstOfMarch) < from)
            {
                continue;
            }
            var schedule = rules.Schedule(row.DateOfBirth, row.Arrival);
            foreach (var milestone in schedule.Milestones)
            {
                if (milestone.IsAction && milestone.Date >= from && milestone.Date <= to)
                {
                    hits.Add(new MilestoneHit(row, milestone.Kind, milestone.Date, titles[milestone.Kind]));
                }
            }
        }
        return hits;
    }

    /// <summary>The explained rule for one hit (used in the calendar export).</summary>
    public string RuleFor(MilestoneHit hit) => describer.RuleFor(rules.Schedule(hit.Row.DateOfBirth, hit.Row.Arrival), hit.Kind);

    public static string PeriodText(DateOnly from, DateOnly to) => $"{DanishFormat.Date(from)} – {DanishFormat.Date(to)}";
}
