using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// Partshøring (forvaltningsloven § 19) in every decision: either the party was heard (date and what about), or
/// it was not necessary (and why). The decision states which.
/// </summary>
public static class ConsultationRule
{
    public const string Field = "partshoering";
    public const string DateField = "partshoering_dato";
    public const string SubjectField = "partshoering_emne";
    public const string ReasonField = "partshoering_grund";
    public const string Heard = "Partshørt";
    public const string NotNeeded = "Ikke nødvendig";

    public static void Check(FieldValues values, DateOnly sendDate, List<FieldError> errors, List<LetterWarning> warnings)
    {
        if (values.Errors.Any(e => e.Field is Field or DateField or SubjectField or ReasonField))
        {
            return;
        }
        switch (values[Field] as string)
        {
            case Heard:
                if (values[DateField] is not DateOnly date)
                {
                    errors.Add(new FieldError(DateField, "Angiv datoen for partshøringen (forvaltningsloven § 19)."));
                }
                else if (date > sendDate)
                {
                    warnings.Add(new LetterWarning("partshoering-efter-afgoerelse",
                        $"Partshøringen ({DanishFormat.Date(date)}) ligger efter afgørelsens dato ({DanishFormat.Date(sendDate)}). Parten skal høres, før der træffes afgørelse."));
                }
                if (string.IsNullOrWhiteSpace(values[SubjectField] as string))
                {
                    errors.Add(new FieldError(SubjectField, "Skriv, hvad parten er hørt om (de oplysninger, der har betydning for afgørelsen)."));
                }
                break;
            case NotNeeded:
                if (string.IsNullOrWhiteSpace(values[ReasonField] as string))
                {
                    errors.Add(new FieldError(ReasonField, "Skriv, hvorfor partshøring ikke er nødvendig (fx at afgørelsen giver parten fuldt medhold, jf. forvaltningsloven § 19, stk. 2, nr. 1)."));
                }
                break;
            default:
                errors.Add(new FieldError(Field, "Vælg, om parten er partshørt, eller om partshøring ikke er nødvendig (forvaltningsloven § 19)."));
                break;
        }
    }
}
