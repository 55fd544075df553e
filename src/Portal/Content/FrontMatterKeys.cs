namespace Portal.Content;

/// <summary>The front matter keys the portal reads and writes, written once (Danish, as coordinators write them).</summary>
public static class FrontMatterKeys
{
    public const string Title = "titel";
    public const string Owner = "tovholder";
    public const string ReviewDate = "revideres";
    public const string Type = "type";
    public const string Area = "område";
    public const string LegalBasis = "lovgrundlag";
    public const string Tags = "tags";
    public const string Summary = "resumé";
    public const string Updated = "opdateret";
    public const string Phase = "fase";

    /// <summary>A template's KLE emne and handlingsfacet, for Digital Post and the case file.</summary>
    public const string Kle = "kle";
    public const string Form = "form";

    /// <summary>The keys the editor's form shows as fields, in form order.</summary>
    public static readonly string[] FormFields = [Title, Owner, ReviewDate, Type, Area, LegalBasis, Tags, Summary, Updated, Phase];
}

/// <summary>The document types (front matter "type") the code treats specially; labels and the full list are in ContentOptions.</summary>
public static class DocumentTypes
{
    public const string Procedure = "arbejdsgang";
    public const string Checklist = "tjekliste";
    public const string Offer = "tilbud";
    public const string Guide = "vejledning";
    public const string Agenda = "dagsorden";
    public const string Decision = "afgørelse";
    public const string Letter = "brev";
    public const string Phrase = "frase";
    public const string Pamphlet = "pjece";

    /// <summary>A document's type: the front matter's, lower case, or the default for its folder (templates are letters, the rest guides).</summary>
    public static string Of(FrontMatter frontMatter, string slug) =>
        frontMatter.GetString(FrontMatterKeys.Type)?.ToLowerInvariant() ?? DefaultFor(slug);

    public static string DefaultFor(string slug) => slug.StartsWith("skabeloner/", StringComparison.Ordinal) ? Letter : Guide;
}
