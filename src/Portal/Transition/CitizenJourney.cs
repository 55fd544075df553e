using Portal.Content;
using YamlDotNet.Serialization;

namespace Portal.Transition;

/// <summary>content/sagsforloeb.yml: the steps of a case explained to citizens, per area (børn, voksen).</summary>
public sealed class CitizenJourney
{
    [YamlMember(Alias = "titel")]
    public string Title { get; set; } = "";

    [YamlMember(Alias = "omraader")]
    public List<JourneyArea> Areas { get; set; } = [];
}

public sealed class JourneyArea
{
    /// <summary>The area's key in the address, e.g. "boern" in /sagsforloeb?omraade=boern.</summary>
    [YamlMember(Alias = "noegle")]
    public string Key { get; set; } = "";

    [YamlMember(Alias = "navn")]
    public string Name { get; set; } = "";

    [YamlMember(Alias = "overskrift")]
    public string Heading { get; set; } = "";

    [YamlMember(Alias = "indledning")]
    public string Introduction { get; set; } = "";

    [YamlMember(Alias = "trin")]
    public List<JourneyStep> Steps { get; set; } = [];

    [YamlMember(Alias = "afslutning")]
    public string Closing { get; set; } = "";
}

public sealed class JourneyStep
{
    [YamlMember(Alias = "titel")]
    public string Title { get; set; } = "";

    [YamlMember(Alias = "tekst")]
    public string Text { get; set; } = "";
}

public sealed class CitizenJourneySource(ContentRoot root) : ContentYamlFile<CitizenJourney>(root, "sagsforloeb.yml", Validate)
{
    internal static IEnumerable<string> Validate(CitizenJourney journey)
    {
        if (string.IsNullOrWhiteSpace(journey.Title))
        {
            yield return "'titel' mangler.";
        }
        if (journey.Areas.Count == 0)
        {
            yield return "'omraader' mangler: skriv mindst ét område med trin.";
        }
        foreach (var area in journey.Areas)
        {
            if (string.IsNullOrWhiteSpace(area.Key) || string.IsNullOrWhiteSpace(area.Name) || string.IsNullOrWhiteSpace(area.Heading))
            {
                yield return "Hvert område skal have 'noegle', 'navn' og 'overskrift'.";
            }
            if (area.Steps.Count == 0 || area.Steps.Any(s => string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Text)))
            {
                yield return $"Området '{area.Name}' skal have trin, hvert med 'titel' og 'tekst'.";
            }
        }
        foreach (var duplicate in journey.Areas.GroupBy(a => a.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"Nøglen '{duplicate.Key}' bruges af flere områder.";
        }
    }
}
