namespace Portal.Letters;

/// <summary>
/// The child as party (Barnets Lov § 3, nr. 1): from 10 years the child is a party in cases about støttende indsatser and
/// gets the decision. The børnesamtale is recorded: the date it was held, or why not.
/// </summary>
public static class ChildPartyRule
{
    public const string BirthDateField = "barnets_foedselsdato";
    public const string ConversationField = "boernesamtale";
    public const string ConversationDateField = "boernesamtale_dato";
    public const string ConversationReasonField = "boernesamtale_grund";
    public const int PartyAge = 10;

    public static void Check(TemplateDefinition template, FieldValues values, LetterRequest request, List<FieldError> errors, List<LetterWarning> warnings)
    {
        if (template.Field(ConversationField) is not null && !values.Errors.Any(e => e.Field is ConversationField or ConversationDateField or ConversationReasonField))
        {
            switch (values[ConversationField] as string)
            {
                case "Holdt" when values[ConversationDateField] is null:
                    errors.Add(new FieldError(ConversationDateField, "Angiv datoen for børnesamtalen."));
                    break;
                case "Ikke holdt" when string.IsNullOrWhiteSpace(values[ConversationReasonField] as string):
                    errors.Add(new FieldError(ConversationReasonField, "Skriv, hvorfor der ikke er holdt en børnesamtale."));
                    break;
            }
        }
        if (template.Field(BirthDateField) is null || values[BirthDateField] is not DateOnly birth)
        {
            return;
        }
        var age = request.SendDate.Year - birth.Year - (request.SendDate < birth.AddYears(request.SendDate.Year - birth.Year) ? 1 : 0);
        if (age >= PartyAge && !request.Recipients.Any(r => r.Role == RecipientRole.Citizen && !string.IsNullOrWhiteSpace(r.Name)))
        {
            warnings.Add(new LetterWarning("barn-er-part",
                $"Barnet er {age} år og dermed selv part i sagen (Barnets Lov § 3, nr. 1). Tilføj barnet som modtager med rollen Borger, så barnet får sin egen afgørelse med den børnevenlige klagevejledning."));
        }
    }
}
