using DiffPlex;

namespace Portal.Editing;

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

/// <summary>One line of a diff with its number in the old and/or the new text (1-based).</summary>
public sealed record DiffLine(DiffKind Kind, int? OldNumber, int? NewNumber, string Text);

/// <summary>A readable line diff between two versions, with unchanged stretches folded to a few lines of context.</summary>
public static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Compute(string oldText, string newText)
    {
        // The final newline would otherwise show as an empty last line.
        var diff = Differ.Instance.CreateLineDiffs(TrimFinalNewline(oldText), TrimFinalNewline(newText), ignoreWhitespace: false, ignoreCase: false);
        var lines = new List<DiffLine>();
        int a = 0, b = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB)
            {
                lines.Add(new DiffLine(DiffKind.Same, a + 1, b + 1, diff.PiecesOld[a]));
                a++;
                b++;
            }
            for (var i = 0; i < block.DeleteCountA; i++, a++)
            {
                lines.Add(new DiffLine(DiffKind.Removed, a + 1, null, diff.PiecesOld[a]));
            }
            for (var i = 0; i < block.InsertCountB; i++, b++)
            {
                lines.Add(new DiffLine(DiffKind.Added, null, b + 1, diff.PiecesNew[b]));
            }
        }
        while (a < diff.PiecesOld.Count && b < diff.PiecesNew.Count)
        {
            lines.Add(new DiffLine(DiffKind.Same, a + 1, b + 1, diff.PiecesOld[a]));
            a++;
            b++;
        }
        return lines;
    }

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    /// <summary>Changed lines with <paramref name="context"/> unchanged lines around them; null marks a fold.</summary>
    public static IReadOnlyList<DiffLine?> Folded(IReadOnlyList<DiffLine> lines, int context = 3)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind != DiffKind.Same)
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }
        var result = new List<DiffLine?>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                result.Add(lines[i]);
            }
            else if (result.Count == 0 || result[^1] is not null)
            {
                result.Add(null);
            }
        }
        return result;
    }
}
