using Portal.Auth;
using Portal.Content;
using YamlDotNet.RepresentationModel;

namespace Portal.Governance;

public sealed record LawChangeImportResult(int Registered, int Skipped, IReadOnlyList<string> Errors);

/// <summary>
/// Registers law changes from a YAML list (paragraffer, ikraft, beskrivelse, link), e.g. a file kept beside the
/// content; an entry already registered is skipped, so importing the same file twice flags and mails nothing twice.
/// </summary>
public sealed class LawChangeImport(LawChangeService changes)
{
    public async Task<LawChangeImportResult> ImportAsync(string yaml, UserProfile user, CancellationToken cancellationToken = default)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml ?? ""));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return new(0, 0, [$"Filen er ikke gyldig YAML (linje {e.Start.Line}): {e.Message}"]);
        }
        if (stream.Documents.FirstOrDefault()?.RootNode is not YamlSequenceNode list)
        {
            return new(0, 0, ["Filen skal være en liste af lovændringer med 'paragraffer', 'ikraft', 'beskrivelse' og evt. 'link'."]);
        }
        int registered = 0, skipped = 0;
        var errors = new List<string>();
        foreach (var item in list.Children)
        {
            var line = item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                errors.Add($"Linje {line}: hver lovændring skal have 'paragraffer', 'ikraft' og 'beskrivelse'.");
                continue;
            }
            DateOnly? inForce = AsOfRule.TryParseDate(YamlFile.Scalar(map, "ikraft"), out var d) ? d : null;
            var input = new LawChangeInput(YamlFile.Scalar(map, "paragraffer") ?? "", inForce, YamlFile.Scalar(map, "beskrivelse") ?? "", YamlFile.Scalar(map, "link"));
            var result = await changes.RegisterAsync(input, user, cancellationToken);
            if (result.Succeeded)
            {
                registered++;
            }
            else if (result.Message == LawChangeService.AlreadyRegistered)
            {
                skipped++;
            }
            else
            {
                errors.Add($"Linje {line}: {result.Message}");
            }
        }
        return new(registered, skipped, errors);
    }
}
