using Microsoft.Extensions.Options;

namespace Portal.Transition;

/// <summary>Checks the Transition section at start-up, so a wrong meeting month or a misspelt placeholder stops the portal with a Danish message.</summary>
public sealed class TransitionOptionsValidator : IValidateOptions<TransitionOptions>
{
    public ValidateOptionsResult Validate(string? name, TransitionOptions options)
    {
        var errors = Check(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static IEnumerable<string> Check(TransitionOptions o)
    {
        const string s = TransitionOptions.Section;
        if (o.MeetingMonths.Any(m => m is < 1 or > 12) || o.MeetingMonths.Distinct().Count() != o.MeetingMonths.Count)
        {
            yield return $"{s}:MeetingMonths skal være forskellige måneder mellem 1 og 12.";
        }
        else if (Enumerable.Range(1, 4).Any(q => o.MeetingMonths.Count(m => (m - 1) / 3 + 1 == q) != 1))
        {
            yield return $"{s}:MeetingMonths skal have præcis én mødemåned i hvert kvartal (fx 2, 5, 8 og 11).";
        }
        var maxDay = o.MeetingWeekday is null ? 28 : 22;
        if (o.MeetingDay < 1 || o.MeetingDay > maxDay)
        {
            yield return $"{s}:MeetingDay skal være mellem 1 og {maxDay}{(o.MeetingWeekday is null ? "" : ", når MeetingWeekday er sat, så mødet altid falder i mødemåneden")}.";
        }
        foreach (var date in o.MeetingDates.Where(d => !o.MeetingMonths.Contains(d.Month)))
        {
            yield return $"{s}:MeetingDates: {date:yyyy-MM-dd} ligger ikke i en mødemåned.";
        }
        foreach (var group in o.MeetingDates.GroupBy(d => (d.Year, d.Month)).Where(g => g.Count() > 1))
        {
            yield return $"{s}:MeetingDates har flere datoer i {group.Key.Month:00}-{group.Key.Year}; der holdes ét cafémøde pr. kvartal.";
        }
        if (o.InvitationWeeksBefore is < 1 or > 12)
        {
            yield return $"{s}:InvitationWeeksBefore skal være mellem 1 og 12.";
        }
        if (o.CoordinationMonthsBefore18 is < 1 or > 24)
        {
            yield return $"{s}:CoordinationMonthsBefore18 skal være mellem 1 og 24.";
        }
        if (o.NoticeDecisionMonths is < 0 or > 6 || o.FastTrackDecisionMonths is < 0 or > 6)
        {
            yield return $"{s}:NoticeDecisionMonths og FastTrackDecisionMonths skal være mellem 0 og 6.";
        }
        if (string.IsNullOrWhiteSpace(o.NoticeUnit))
        {
            yield return $"{s}:NoticeUnit mangler: hvilken enhed handler på beskeden ved 15½ år?";
        }
        if (string.IsNullOrWhiteSpace(o.CafeInvitationTemplate) || string.IsNullOrWhiteSpace(o.InformationLetterTemplate))
        {
            yield return $"{s}:CafeInvitationTemplate og InformationLetterTemplate skal angive brevskabelonerne.";
        }
        foreach (var kind in Enum.GetValues<MilestoneKind>())
        {
            var text = o.TextFor(kind);
            if (string.IsNullOrWhiteSpace(text.Title) || string.IsNullOrWhiteSpace(text.Rule))
            {
                yield return $"{s}:Milestones:{kind} skal have Title og Rule.";
            }
            if (text.Title.Contains('{', StringComparison.Ordinal))
            {
                yield return $"{s}:Milestones:{kind}:Title må ikke bruge {{felter}}; titlen er den samme for alle.";
            }
            foreach (var error in UnknownPlaceholders($"{s}:Milestones:{kind}", text.Rule))
            {
                yield return error;
            }
        }
        foreach (var note in Enum.GetValues<MilestoneNote>())
        {
            if (string.IsNullOrWhiteSpace(o.NoteFor(note)))
            {
                yield return $"{s}:Notes:{note} mangler.";
            }
            foreach (var error in UnknownPlaceholders($"{s}:Notes:{note}", o.NoteFor(note)))
            {
                yield return error;
            }
        }
        if (o.List.MaxRows < 1 || o.List.MaxUploadBytes < 1024 || o.List.MaxPeriodYears < 1 || o.List.MaxCalendarEvents < 1)
        {
            yield return $"{s}:List har en ugyldig grænse.";
        }
    }

    private static IEnumerable<string> UnknownPlaceholders(string key, string text) =>
        MilestoneDescriber.PlaceholdersIn(text)
            .Where(p => !MilestoneDescriber.Placeholders.Contains(p))
            .Select(p => $"{key} bruger det ukendte felt {{{p}}}. Kendte felter: {string.Join(", ", MilestoneDescriber.Placeholders.Order())}.");
}
