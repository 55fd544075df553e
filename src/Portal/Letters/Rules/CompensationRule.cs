using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// Kompensationsydelse (SEL § 100, stk. 2; BL § 86) from 1 September 2025: gruppe I is a fixed standardbeløb with no
/// approved amount; gruppe II needs documented expenses above the threshold in satser.yml. Only those combinations pass.
/// </summary>
public static class CompensationRule
{
    public const string GroupField = "gruppe";
    public const string ApprovedField = "godkendte_udgifter_maaned";
    public const string GroupOneField = "gruppe1_vurdering";
    public const string ThresholdKey = "kompensationsydelse-gruppe2-taerskel-maaned";

    public static IEnumerable<FieldError> Check(TemplateDefinition template, FieldValues values, RateTable rates, DateOnly date)
    {
        if (template.Field(GroupOneField) is not null && values[GroupField] as string == "gruppe II" && values[GroupOneField] is null && !values.Errors.Any(e => e.Field == GroupOneField))
        {
            yield return new FieldError(GroupOneField, "Et afslag under gruppe II skal sige, om borgeren kan få kompensationsydelse efter gruppe I. Vælg en mulighed.");
        }
        if (template.Field(ApprovedField) is null || values.Errors.Any(e => e.Field is GroupField or ApprovedField))
        {
            yield break;
        }
        var approved = values[ApprovedField] as decimal?;
        switch (values[GroupField] as string)
        {
            case "gruppe I" when approved is not null:
                yield return new FieldError(ApprovedField, "Under gruppe I får borgeren standardbeløbet; der godkendes ikke et beløb. Lad feltet være tomt, eller vælg gruppe II.");
                break;
            case "gruppe II" when approved is null:
                yield return new FieldError(ApprovedField, "Under gruppe II skal du angive de dokumenterede udgifter, vi godkender pr. måned.");
                break;
            case "gruppe II" when rates.Find(ThresholdKey)?.ValidOn(date) is { } threshold && approved <= threshold.Amount:
                yield return new FieldError(ApprovedField,
                    $"Under gruppe II skal de dokumenterede udgifter være over {DanishFormat.Amount(threshold.Amount)} om måneden. Er de ikke det, er afgørelsen et afslag på gruppe II, og afslaget skal sige, om gruppe I kan komme på tale.");
                break;
        }
    }
}
