using Portal.Letters;

namespace Portal.Transition;

/// <summary>Field values the planner hands to the cafémøde invitation and the information letter (field names from the templates' schemas).</summary>
public static class TransitionLetters
{
    public const string LetterRoute = "/breve/ny/";

    public static IReadOnlyDictionary<string, object?> ValuesFor(MilestoneKind kind, TransitionSchedule schedule, string? youngPersonName)
    {
        var values = new Dictionary<string, object?>();
        if (!string.IsNullOrWhiteSpace(youngPersonName))
        {
            values["unge_navn"] = youngPersonName.Trim();
        }
        if (schedule.CafeMeeting is { } meeting)
        {
            values["cafemoede_dato"] = meeting;
        }
        if (kind == MilestoneKind.InformationLetter)
        {
            values["fylder_18"] = schedule.Eighteen;
        }
        return values;
    }

    /// <summary>Hands the values to the letter form in this circuit and returns the address to navigate to.</summary>
    public static string Open(LetterPrefill prefill, string templateSlug, IReadOnlyDictionary<string, object?> values)
    {
        prefill.Set(templateSlug, values);
        return LetterRoute + templateSlug;
    }
}
