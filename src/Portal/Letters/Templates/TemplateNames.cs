namespace Portal.Letters;

/// <summary>The Danish words of the template format (content/skabeloner/README.md) and their labels.</summary>
public static class TemplateNames
{
    public const string TemplateFolder = "skabeloner/";
    public const string PhraseFolder = "skabeloner/fraser/";
    public const string OralNoticeField = "mundtlig_dato";
    public const string ComplaintGuidancePartial = "klagevejledning";

    public static bool TryParseKind(string? value, out TemplateKind kind)
    {
        kind = value?.Trim().ToLowerInvariant() switch
        {
            "afgørelse" or "afgoerelse" => TemplateKind.Decision,
            "brev" => TemplateKind.Letter,
            "frase" => TemplateKind.Phrase,
            _ => (TemplateKind)(-1),
        };
        return Enum.IsDefined(kind);
    }

    public static string Key(TemplateKind kind) => kind switch
    {
        TemplateKind.Decision => "afgørelse",
        TemplateKind.Letter => "brev",
        _ => "frase",
    };

    public static string Label(TemplateKind kind) => kind switch
    {
        TemplateKind.Decision => "Afgørelse",
        TemplateKind.Letter => "Brev",
        _ => "Frase",
    };

    public static bool TryParseDecisionType(string? value, out DecisionType type)
    {
        type = value?.Trim().ToLowerInvariant() switch
        {
            "bevilling" => DecisionType.Grant,
            "delvis bevilling" or "delvis afslag" => DecisionType.PartialGrant,
            "afslag" => DecisionType.Refusal,
            "andet" => DecisionType.Other,
            _ => (DecisionType)(-1),
        };
        return Enum.IsDefined(type);
    }

    public static string Key(DecisionType type) => type switch
    {
        DecisionType.Grant => "bevilling",
        DecisionType.PartialGrant => "delvis bevilling",
        DecisionType.Refusal => "afslag",
        _ => "andet",
    };

    public static bool TryParseRecipientMode(string? value, out RecipientMode mode)
    {
        mode = value?.Trim().ToLowerInvariant() switch
        {
            "hver" => RecipientMode.Each,
            "kopi" or null or "" => RecipientMode.Copy,
            _ => (RecipientMode)(-1),
        };
        return Enum.IsDefined(mode);
    }

    public static string Key(RecipientMode mode) => mode == RecipientMode.Each ? "hver" : "kopi";

    public static bool TryParseFieldType(string? value, out FieldType type)
    {
        type = value?.Trim().ToLowerInvariant() switch
        {
            "tekst" => FieldType.Text,
            "langtekst" => FieldType.LongText,
            "dato" => FieldType.Date,
            "tal" => FieldType.Number,
            "beløb" or "beloeb" => FieldType.Amount,
            "valg" => FieldType.Choice,
            "ja/nej" or "janej" or "ja-nej" => FieldType.YesNo,
            "liste" => FieldType.List,
            _ => (FieldType)(-1),
        };
        return Enum.IsDefined(type);
    }

    public static string Key(FieldType type) => type switch
    {
        FieldType.Text => "tekst",
        FieldType.LongText => "langtekst",
        FieldType.Date => "dato",
        FieldType.Number => "tal",
        FieldType.Amount => "beløb",
        FieldType.Choice => "valg",
        FieldType.YesNo => "ja/nej",
        _ => "liste",
    };
}
