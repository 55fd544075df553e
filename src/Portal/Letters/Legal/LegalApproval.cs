using System.Text.RegularExpressions;
using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// Writes a jurist's approval into a template file: juridisk_status godkendt with the approver, the date and the hash
/// of the body as it is now. Used by scripts/approve-template.cs; the letter page shows the same block to copy.
/// </summary>
public static partial class LegalApproval
{
    public static string Approve(string text, string file, string approver, DateOnly on)
    {
        if (string.IsNullOrWhiteSpace(approver))
        {
            throw new ArgumentException("Skriv navnet på den jurist, der godkender skabelonen.");
        }
        var split = FrontMatterReader.Read(text, file);
        if (split.FrontMatter is null)
        {
            throw new ArgumentException($"{file} har ingen front matter og kan ikke godkendes.");
        }
        var status = new LegalStatus(LegalState.Pending, null, null, null, null, ContentHash.Of(split.Body));
        var block = status.ApprovalYaml(approver.Trim(), on) + "\n";
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal) + 1;
        var head = text[..end];
        head = ExistingStatus().IsMatch(head)
            ? ExistingStatus().Replace(head, block.Replace("$", "$$", StringComparison.Ordinal), 1)
            : TypeLine().Replace(head, m => m.Value + block, 1);
        return head + text[end..];
    }

    [GeneratedRegex(@"^juridisk_status:.*\n(?:[ \t]+.*\n)*", RegexOptions.Multiline)]
    private static partial Regex ExistingStatus();

    [GeneratedRegex(@"^type:.*\n", RegexOptions.Multiline)]
    private static partial Regex TypeLine();
}
