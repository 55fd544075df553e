using System.Globalization;
using Portal.Content;
using YamlDotNet.RepresentationModel;

namespace Portal.Letters;

/// <summary>juridisk_status: godkendt (approved by a jurist), afventer (waiting) or uafklaret (an open legal question).</summary>
public enum LegalState
{
    Approved,
    Pending,
    Unresolved,
}

/// <summary>
/// A template's legal sign-off. The approval names the hash of the body the jurist read, so it lapses by
/// itself when the text changes; only an approved, unchanged template produces a final letter.
/// </summary>
public sealed record LegalStatus(LegalState Status, string? ApprovedBy, DateOnly? ApprovedOn, string? ApprovedHash, string? OpenQuestion, string CurrentHash)
{
    public const string Key = "juridisk_status";
    public const string DraftBanner = "Udkast – skabelonen er ikke juridisk godkendt";
    public const string LapsedText = "Godkendelsen gælder ikke længere: teksten er ændret efter godkendelsen";

    public bool IsApproved => Status == LegalState.Approved && string.Equals(ApprovedHash, CurrentHash, StringComparison.OrdinalIgnoreCase);

    /// <summary>Approved once, but the body has changed since.</summary>
    public bool IsLapsed => Status == LegalState.Approved && !IsApproved;

    public string Label => Status switch
    {
        LegalState.Approved when IsLapsed => "Godkendelse bortfaldet",
        LegalState.Approved => "Juridisk godkendt",
        LegalState.Unresolved => "Juridisk uafklaret",
        _ => "Afventer juridisk godkendelse",
    };

    /// <summary>The banner on a letter from a template that is not approved (null when approved).</summary>
    public string? Banner => IsApproved ? null : Status switch
    {
        LegalState.Unresolved => $"{DraftBanner}. Uafklaret: {OpenQuestion}",
        LegalState.Approved => $"{DraftBanner}. {LapsedText}.",
        _ => DraftBanner + ".",
    };

    /// <summary>One line for the page: who approved and when, or what is open.</summary>
    public string Description => Status switch
    {
        LegalState.Approved when IsLapsed => $"Godkendt af {ApprovedBy} den {DanishFormat.Date(ApprovedOn!.Value)}. {LapsedText}.",
        LegalState.Approved => $"Godkendt af {ApprovedBy} den {DanishFormat.Date(ApprovedOn!.Value)}.",
        LegalState.Unresolved => $"Uafklaret: {OpenQuestion}",
        _ => "Skabelonen afventer en jurists godkendelse. Breve fra den er udkast.",
    };

    /// <summary>The front matter a jurist writes to approve the current text.</summary>
    public string ApprovalYaml(string approver, DateOnly on) =>
        $"{Key}:\n  status: godkendt\n  godkendt_af: {approver}\n  godkendt_dato: {on:yyyy-MM-dd}\n  godkendt_hash: {CurrentHash}";

    public static string HashOf(LibraryDocument document) => ContentHash.Of(document.Body);

    /// <summary>Reads juridisk_status; absent means afventer. Problems become content issues.</summary>
    public static LegalStatus Read(LibraryDocument document, List<ContentIssue> issues)
    {
        var fm = document.FrontMatter;
        var file = document.FilePath;
        var hash = HashOf(document);
        var node = fm.GetNode(Key);
        if (node is null)
        {
            return new LegalStatus(LegalState.Pending, null, null, null, null, hash);
        }
        var line = fm.LineOf(Key);
        if (node is not YamlMappingNode map)
        {
            issues.Add(new ContentIssue(file, line, IssueSeverity.Error, $"'{Key}' skal have 'status: godkendt', 'status: afventer' eller 'status: uafklaret', fx {Key}: {{ status: afventer }}."));
            return new LegalStatus(LegalState.Pending, null, null, null, null, hash);
        }
        var statusText = YamlFile.Scalar(map, "status")?.ToLowerInvariant();
        switch (statusText)
        {
            case "godkendt":
                var by = YamlFile.Scalar(map, "godkendt_af");
                var onText = YamlFile.Scalar(map, "godkendt_dato");
                var approvedHash = YamlFile.Scalar(map, "godkendt_hash");
                DateOnly? on = DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
                if (by is null || on is null || approvedHash is null)
                {
                    issues.Add(new ContentIssue(file, line, IssueSeverity.Error,
                        "En godkendt skabelon skal have 'godkendt_af', 'godkendt_dato' (åååå-mm-dd) og 'godkendt_hash' (tekstens kontrolsum, vises på skabelonens side). Skabelonen behandles som 'afventer'."));
                    return new LegalStatus(LegalState.Pending, by, on, approvedHash, null, hash);
                }
                var status = new LegalStatus(LegalState.Approved, by, on, approvedHash, null, hash);
                if (status.IsLapsed)
                {
                    issues.Add(new ContentIssue(file, line, IssueSeverity.Warning, $"{LapsedText}. En jurist skal godkende den nye tekst (ny 'godkendt_hash': {hash})."));
                }
                return status;
            case "uafklaret":
                var question = YamlFile.Scalar(map, "spoergsmaal") ?? YamlFile.Scalar(map, "spørgsmål");
                if (question is null)
                {
                    issues.Add(new ContentIssue(file, line, IssueSeverity.Error, "En uafklaret skabelon skal skrive det åbne spørgsmål i 'spoergsmaal'."));
                }
                return new LegalStatus(LegalState.Unresolved, null, null, null, question ?? "(spørgsmålet er ikke beskrevet)", hash);
            case "afventer":
                return new LegalStatus(LegalState.Pending, null, null, null, null, hash);
            default:
                issues.Add(new ContentIssue(file, line, IssueSeverity.Error, $"Ukendt juridisk status '{statusText}'. Brug godkendt, afventer eller uafklaret."));
                return new LegalStatus(LegalState.Pending, null, null, null, null, hash);
        }
    }
}
