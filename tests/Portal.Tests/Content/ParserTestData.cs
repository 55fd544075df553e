using Portal.Content;

namespace Portal.Tests.Content;

/// <summary>A parse context with a small roster and law table, shared by parser and renderer tests.</summary>
public static class ParserTestData
{
    public static readonly Roster Roster = new(new Dictionary<string, Owner>(StringComparer.OrdinalIgnoreCase)
    {
        ["koordinator-boern"] = new("koordinator-boern", "Test Koordinator", "Faglig koordinator", "k@test.example", "Børnehandicap"),
    });

    public static readonly LawCatalog Laws = new(
    [
        new Law("barnets-lov", "Barnets Lov", ["barnets lov", "barnets lovs"], ["BL"], "/eli/lta/2023/721", null),
        new Law("serviceloven", "Serviceloven", ["serviceloven", "servicelovens"], ["SEL"], "/eli/lta/2024/909", null),
        new Law("forvaltningsloven", "Forvaltningsloven", ["forvaltningsloven", "forvaltningslovens"], ["FVL"], "/eli/lta/2014/433", null),
        new Law("gdpr", "Databeskyttelsesforordningen", ["databeskyttelsesforordningen", "databeskyttelsesforordningens"], [], null, "https://eur-lex.example/gdpr"),
    ], new Dictionary<string, string> { ["41"] = "86" }, "https://lov.example");

    public static ParseContext Context => new(Roster, Laws, new ContentOptions());

    public static DocumentParser Parser => new(new MarkdownRenderer(new HtmlSafety()), []);

    public static string Document(string frontMatter, string body = "Tekst.") => $"---\n{frontMatter}\n---\n{body}\n";

    public const string ValidFrontMatter = "titel: Afslag\ntovholder: koordinator-boern\nrevideres: 2027-06-30\ntype: vejledning\nområde: børn";
}
