using Portal.Content;
using YamlDotNet.Serialization;

namespace Portal.Transition;

/// <summary>content/skift-af-sagsbehandler.yml: the handover page's choices, stamkort fields and which letters each situation opens.</summary>
public sealed class HandoverGuide
{
    [YamlMember(Alias = "arbejdsgange")]
    public List<HandoverProcedure> Procedures { get; set; } = [];

    /// <summary>The bold label above each steps table in the procedure's "Handling" section.</summary>
    [YamlMember(Alias = "trin_overskrift_planlagt")]
    public string PlannedStepsLabel { get; set; } = "";

    [YamlMember(Alias = "trin_overskrift_ikke_planlagt")]
    public string UnplannedStepsLabel { get; set; } = "";

    /// <summary>Steps whose text starts with this apply only to permanent changes.</summary>
    [YamlMember(Alias = "kun_ved_permanent")]
    public string PermanentOnlyPrefix { get; set; } = "";

    [YamlMember(Alias = "stamkort")]
    public HandoverRecordCard RecordCard { get; set; } = new();

    [YamlMember(Alias = "dagsorden")]
    public string Agenda { get; set; } = "";

    [YamlMember(Alias = "situationer")]
    public List<HandoverSituation> Situations { get; set; } = [];

    public HandoverSituation? Find(bool planned, bool permanent) => Situations.FirstOrDefault(s => s.Planned == planned && s.Permanent == permanent);
}

public sealed class HandoverProcedure
{
    [YamlMember(Alias = "omraade")]
    public string Area { get; set; } = "";

    [YamlMember(Alias = "navn")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "dokument")]
    public string Document { get; set; } = "";
}

public sealed class HandoverRecordCard
{
    [YamlMember(Alias = "dokument")]
    public string Document { get; set; } = "";

    [YamlMember(Alias = "felter")]
    public List<HandoverRecordField> Fields { get; set; } = [];
}

public sealed class HandoverRecordField
{
    [YamlMember(Alias = "navn")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "tjek")]
    public string Check { get; set; } = "";
}

public sealed class HandoverSituation
{
    [YamlMember(Alias = "planlagt")]
    public bool Planned { get; set; }

    [YamlMember(Alias = "permanent")]
    public bool Permanent { get; set; }

    [YamlMember(Alias = "titel")]
    public string Title { get; set; } = "";

    [YamlMember(Alias = "eksempel")]
    public string Example { get; set; } = "";

    [YamlMember(Alias = "hvem_orienterer")]
    public string WhoInforms { get; set; } = "";

    [YamlMember(Alias = "overdragelsesmoede")]
    public bool HandoverMeeting { get; set; }

    [YamlMember(Alias = "breve")]
    public List<HandoverLetter> Letters { get; set; } = [];
}

public sealed class HandoverLetter
{
    [YamlMember(Alias = "skabelon")]
    public string Template { get; set; } = "";

    [YamlMember(Alias = "knap")]
    public string Button { get; set; } = "";

    /// <summary>The template's date field that receives the date of the change, if any.</summary>
    [YamlMember(Alias = "dato_felt")]
    public string? DateField { get; set; }
}

public sealed class HandoverGuideSource(ContentRoot root) : ContentYamlFile<HandoverGuide>(root, "skift-af-sagsbehandler.yml", Validate)
{
    internal static IEnumerable<string> Validate(HandoverGuide guide)
    {
        if (guide.Procedures.Count == 0 || guide.Procedures.Any(p => string.IsNullOrWhiteSpace(p.Document) || string.IsNullOrWhiteSpace(p.Name)))
        {
            yield return "'arbejdsgange' skal nævne arbejdsgangene med 'navn' og 'dokument'.";
        }
        foreach (var planned in new[] { true, false })
        {
            foreach (var permanent in new[] { true, false })
            {
                if (guide.Find(planned, permanent) is not { } situation)
                {
                    yield return $"Situationen planlagt: {(planned ? "ja" : "nej")}, permanent: {(permanent ? "ja" : "nej")} mangler under 'situationer'.";
                }
                else if (situation.Letters.Any(l => string.IsNullOrWhiteSpace(l.Template) || string.IsNullOrWhiteSpace(l.Button)))
                {
                    yield return $"Situationen '{situation.Title}' har et brev uden 'skabelon' eller 'knap'.";
                }
            }
        }
        if (guide.RecordCard.Fields.Count == 0)
        {
            yield return "'stamkort' skal have 'felter'.";
        }
    }
}
