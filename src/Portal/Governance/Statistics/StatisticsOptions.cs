namespace Portal.Governance;

/// <summary>Governance:Statistics: which templates mark the outcome of a genvurdering (empty: the shipped templates).</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Governance:Statistics";

    /// <summary>The municipality keeps the decision and sends the complaint on to Ankestyrelsen (fastholdt).</summary>
    public List<string> UpheldTemplates { get; set; } = [];

    /// <summary>The complainant is given full or partial medhold: a new decision.</summary>
    public List<string> MedholdTemplates { get; set; } = [];

    // Defaults are filled in after binding: a bound list is appended to, not replaced, so defaults set in the
    // initialiser could never be overridden from configuration.
    internal void ApplyDefaults()
    {
        if (UpheldTemplates.Count == 0)
        {
            UpheldTemplates.Add("skabeloner/breve/genvurdering-fastholdt");
        }
        if (MedholdTemplates.Count == 0)
        {
            MedholdTemplates.AddRange(["skabeloner/afgoerelser/boern/genvurdering-medhold", "skabeloner/afgoerelser/voksne/genvurdering-medhold"]);
        }
    }

    public static StatisticsOptions Defaults()
    {
        var options = new StatisticsOptions();
        options.ApplyDefaults();
        return options;
    }
}
