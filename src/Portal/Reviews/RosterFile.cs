using Portal.Content;

namespace Portal.Reviews;

public sealed record RosterEntry(string Key, string Name, string Function, string Email, string Unit);

/// <summary>Edits content/tovholdere.yml one person at a time, leaving comments and every other person as written.</summary>
public static class RosterFile
{
    public static bool Contains(string yaml, string key) => FrontMatterEditor.Find(yaml, key) is not null;

    /// <summary>Replaces the person's block, or appends it when the key is new.</summary>
    public static string Upsert(string yaml, RosterEntry entry)
    {
        var block = new List<string>
        {
            entry.Key + ":",
            "  navn: " + FrontMatterEditor.Scalar(entry.Name.Trim()),
            "  funktion: " + FrontMatterEditor.Scalar(entry.Function.Trim()),
            "  email: " + FrontMatterEditor.Scalar(entry.Email.Trim()),
            "  enhed: " + FrontMatterEditor.Scalar(entry.Unit.Trim()),
        };
        var lines = Lines(yaml);
        if (FrontMatterEditor.Find(yaml, entry.Key) is { } found)
        {
            lines.RemoveRange(found.StartLine, found.EndLine - found.StartLine);
            lines.InsertRange(found.StartLine, block);
        }
        else
        {
            lines.AddRange(block);
        }
        return string.Join('\n', lines) + "\n";
    }

    public static string Remove(string yaml, string key)
    {
        if (FrontMatterEditor.Find(yaml, key) is not { } found)
        {
            return yaml;
        }
        var lines = Lines(yaml);
        lines.RemoveRange(found.StartLine, found.EndLine - found.StartLine);
        return string.Join('\n', lines) + "\n";
    }

    private static List<string> Lines(string yaml)
    {
        var text = Content.TextNormalizer.NormalizeNewlines(yaml).TrimEnd('\n');
        return text.Length == 0 ? [] : [.. text.Split('\n')];
    }
}
