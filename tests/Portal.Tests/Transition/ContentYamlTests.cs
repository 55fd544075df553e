using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Portal.Content;
using Portal.Tests.Infrastructure;
using Portal.Transition;

namespace Portal.Tests.Transition;

public class ContentYamlTests
{
    private static ContentRoot RootAt(string path) =>
        new(Options.Create(new ContentOptions { RootPath = path }), new HostingEnvironment { ContentRootPath = path });

    [Fact]
    public void ShippedSagsforloeb_HasBothAreasWithTheSixSteps()
    {
        var journey = new CitizenJourneySource(RootAt(RepositoryPaths.Content)).Load();

        Assert.Null(journey.Error);
        Assert.Equal(["boern", "voksen"], journey.Value!.Areas.Select(a => a.Key));
        Assert.All(journey.Value.Areas, a => Assert.Equal(
            ["Ansøgning modtages", "Kvitteringsbrev", "Oplysninger indhentes", "Sagsbehandling", "Partshøring", "Afgørelse"],
            a.Steps.Select(s => s.Title)));
    }

    [Fact]
    public void ShippedHandoverGuide_CoversAllFourSituations_AndTheSixStamkortFields()
    {
        var guide = new HandoverGuideSource(RootAt(RepositoryPaths.Content)).Load();

        Assert.Null(guide.Error);
        Assert.Equal(6, guide.Value!.RecordCard.Fields.Count);
        Assert.Equal("skabeloner/breve/midlertidigt-ikke-planlagt-skift", guide.Value.Find(planned: false, permanent: false)!.Letters.Single().Template);
        Assert.Contains(guide.Value.Find(planned: true, permanent: true)!.Letters, l => l.Template == "skabeloner/breve/orientering-fra-ny-sagsbehandler");
    }

    [Fact]
    public void BrokenYaml_UnknownKeysAndMissingSteps_GiveDanishErrors()
    {
        using var content = TestContentDirectory.FromFixture();
        var source = new CitizenJourneySource(RootAt(content.Path));

        content.Write("sagsforloeb.yml", "titel: x\nomraader:\n  - noegle: a\n    navn: A\n    overskrift: H\n    trin: []\n");
        Assert.Contains("skal have trin", source.Load().Error);
        File.SetLastWriteTimeUtc(content.Write("sagsforloeb.yml", "titel: x\nomraader: [\n"), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("linje", source.Load().Error);
        File.SetLastWriteTimeUtc(content.Write("sagsforloeb.yml", "titel: x\nstavefejl: 1\n"), DateTime.UtcNow.AddMinutes(2));
        Assert.Contains("sagsforloeb.yml", source.Load().Error);
        File.Delete(Path.Combine(content.Path, "sagsforloeb.yml"));
        Assert.Contains("findes ikke", source.Load().Error);
    }

    [Fact]
    public void ProcedureSteps_ReadTheTableAfterTheBoldLabel()
    {
        const string markdown = """
            ## Handling

            **Planlagt skift**

            | Hvad | Hvem | Hvornår |
            |---|---|---|
            | Fordel sagerne, se [stamkort](a.md). | Teamleder | 3 uger før |
            | Ved permanent skift: send brev. | Ny | Efter |

            **Uplanlagt skift**

            | Hvad | Hvem | Hvornår |
            |---|---|---|
            | Træk en oversigt. | Teamleder | 1 dag |

            ## Tid
            """;
        var pipeline = new MarkdownRenderer(new HtmlSafety()).Pipeline;

        var planned = ProcedureSteps.After(markdown, "Planlagt skift", pipeline);

        Assert.Equal([new ProcedureStep("Fordel sagerne, se stamkort.", "Teamleder", "3 uger før"), new ProcedureStep("Ved permanent skift: send brev.", "Ny", "Efter")], planned);
        Assert.Equal("Træk en oversigt.", Assert.Single(ProcedureSteps.After(markdown, "Uplanlagt skift", pipeline)).What);
        Assert.Empty(ProcedureSteps.After(markdown, "Findes ikke", pipeline));
    }
}
