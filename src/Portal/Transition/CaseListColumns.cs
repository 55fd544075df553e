using System.Text;

namespace Portal.Transition;

/// <summary>Where the case number, date of birth and optional arrival date are, found from the first line's headings.</summary>
internal sealed record CaseListColumns(bool HasHeader, int CaseNumber, int DateOfBirth, int? Arrival, string? Error)
{
    private static readonly string[] s_caseNames = ["sagsnummer", "sagsnr", "sag", "sagsid", "sagid", "journalnummer", "journalnr", "casenumber", "caseno", "case", "id"];
    private static readonly string[] s_birthNames = ["foedselsdato", "fodselsdato", "foedselsdag", "foedt", "fodt", "fdato", "birthdate", "dateofbirth", "dob"];
    private static readonly string[] s_arrivalNames = ["tilflytning", "tilflytningsdato", "tilflyttet", "handlekommunefra", "handlekommune", "kendtfra", "sagkendt", "arrival"];
    private static readonly string[] s_personalNames = ["navn", "name", "fornavn", "efternavn", "cpr", "cprnr", "cprnummer", "adresse"];

    public static CaseListColumns Find(IReadOnlyList<string> headings, List<string> notes)
    {
        var normalized = headings.Select(Normalize).ToList();
        var caseIndex = normalized.FindIndex(h => s_caseNames.Contains(h));
        var birthIndex = normalized.FindIndex(h => s_birthNames.Contains(h));
        var arrivalIndex = normalized.FindIndex(h => s_arrivalNames.Contains(h));
        for (var i = 0; i < normalized.Count; i++)
        {
            if (s_personalNames.Contains(normalized[i]))
            {
                notes.Add($"Kolonnen '{headings[i]}' er ikke brugt. Navne og CPR-numre skal ikke med i listen.");
            }
        }
        if (caseIndex >= 0 || birthIndex >= 0)
        {
            if (caseIndex < 0)
            {
                return Missing("sagsnummer", headings);
            }
            if (birthIndex < 0)
            {
                return Missing("fødselsdato", headings);
            }
            return new CaseListColumns(true, caseIndex, birthIndex, arrivalIndex >= 0 ? arrivalIndex : null, null);
        }
        if (headings.Count >= 2 && IsDate(headings[1]) && !IsDate(headings[0]))
        {
            notes.Add("Listen har ingen overskrifter: første kolonne er læst som sagsnummer og anden som fødselsdato.");
            return new CaseListColumns(false, 0, 1, null, null);
        }
        if (headings.Count >= 2 && IsDate(headings[0]) && !IsDate(headings[1]))
        {
            notes.Add("Listen har ingen overskrifter: første kolonne er læst som fødselsdato og anden som sagsnummer.");
            return new CaseListColumns(false, 1, 0, null, null);
        }
        return new CaseListColumns(false, 0, 0, null,
            $"Kolonnerne blev ikke fundet. Første linje skal have overskrifterne 'sagsnummer' og 'fødselsdato' (fandt: {Quote(headings)}).");
    }

    private static CaseListColumns Missing(string column, IReadOnlyList<string> headings) =>
        new(true, 0, 0, null, $"Kolonnen '{column}' mangler. Første linje skal have overskrifterne 'sagsnummer' og 'fødselsdato' (fandt: {Quote(headings)}).");

    private static string Quote(IReadOnlyList<string> headings) => string.Join(", ", headings.Take(6).Select(h => $"'{(h.Length > 30 ? h[..30] + "…" : h)}'"));

    private static bool IsDate(string text) => DanishDateParser.TryParse(text, out _, out _);

    internal static string Normalize(string heading)
    {
        var sb = new StringBuilder(heading.Length);
        foreach (var ch in heading.ToLowerInvariant())
        {
            switch (ch)
            {
                case 'æ':
                    sb.Append("ae");
                    break;
                case 'ø':
                    sb.Append("oe");
                    break;
                case 'å':
                    sb.Append("aa");
                    break;
                default:
                    if (char.IsAsciiLetterOrDigit(ch))
                    {
                        sb.Append(ch);
                    }
                    break;
            }
        }
        return sb.ToString();
    }
}
