using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Audit;
using Portal.Auth;
using Portal.Content;
using Portal.Data;
using Portal.Documents;

namespace Portal.Reviews;

public sealed record OwnedDocument(string Slug, string Title, bool HasDraft);

public sealed record RosterResult(bool Succeeded, string Message, IReadOnlyList<string>? Skipped = null);

/// <summary>
/// Administrators' roster maintenance: add, change or retire a tovholder (content/tovholdere.yml is written
/// atomically), and move all of a person's documents to another in one step.
/// </summary>
public sealed partial class RosterService(
    IDbContextFactory<PortalDbContext> dbFactory,
    ContentRoot root,
    ContentSynchronizer synchronizer,
    ContentCatalog catalog,
    DocumentStore store,
    AuditLog audit,
    IContentFileWriter writer)
{
    private readonly SemaphoreSlim _fileGate = new(1, 1);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    private string RosterPath => Path.Combine(root.Path, Roster.FileName);

    public async Task<RosterResult> SaveAsync(RosterEntry entry, bool isNew, UserProfile user, CancellationToken cancellationToken = default)
    {
        if (!KeyPattern().IsMatch(entry.Key ?? ""))
        {
            return new RosterResult(false, "Nøglen må kun have små bogstaver a-z, tal og bindestreger, fx 'faglig-koordinator-boern'.");
        }
        if (string.IsNullOrWhiteSpace(entry.Name) || string.IsNullOrWhiteSpace(entry.Function))
        {
            return new RosterResult(false, "Skriv både navn og funktion.");
        }
        if (!EmailPattern().IsMatch(entry.Email?.Trim() ?? ""))
        {
            return new RosterResult(false, "Skriv en gyldig e-mailadresse; påmindelser og beskeder sendes dertil.");
        }
        return await WriteRosterAsync(yaml =>
        {
            var exists = RosterFile.Contains(yaml, entry.Key!);
            if (isNew && exists)
            {
                return (null, $"Nøglen '{entry.Key}' findes allerede.");
            }
            if (!isNew && !exists)
            {
                return (null, $"Tovholderen '{entry.Key}' findes ikke.");
            }
            return (RosterFile.Upsert(yaml, entry with { Unit = entry.Unit ?? "" }), null);
        }, user, isNew ? $"Tilføjet {entry.Key}" : $"Ændret {entry.Key}", cancellationToken);
    }

    /// <summary>Removes a person from the roster; refused while documents (published or drafts) still name them.</summary>
    public async Task<RosterResult> RetireAsync(string key, UserProfile user, CancellationToken cancellationToken = default)
    {
        var owned = await DocumentsOfAsync(key, cancellationToken);
        if (owned.Count > 0)
        {
            return new RosterResult(false, $"{catalog.Current.Roster.Find(key)?.Name ?? key} er tovholder for {Documents(owned.Count)}. Flyt {(owned.Count == 1 ? "det" : "dem")} til en anden tovholder først.");
        }
        return await WriteRosterAsync(yaml => RosterFile.Contains(yaml, key) ? (RosterFile.Remove(yaml, key), null) : (null, $"Tovholderen '{key}' findes ikke."),
            user, $"Fratrådt {key}", cancellationToken);
    }

    /// <summary>Every document whose published version or newest draft names the person: the preview of a move.</summary>
    public async Task<IReadOnlyList<OwnedDocument>> DocumentsOfAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.Number == v.Document!.LatestVersionNumber || v.Number == v.Document.PublishedVersionNumber)
            .Where(v => !v.Document!.RemovedFromDisk)
            .Select(v => new { v.Document!.Slug, v.Content, Draft = v.Number != v.Document.PublishedVersionNumber })
            .ToListAsync(cancellationToken);
        return rows.Where(r => string.Equals(OwnerOf(r.Content), key, StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Slug)
            .Select(g => new OwnedDocument(g.Key, catalog.Current.Find(g.Key)?.Title ?? TitleOf(g.First().Content) ?? g.Key, g.Any(r => r.Draft)))
            .OrderBy(d => d.Title, StringComparer.Create(DanishFormat.Culture, true))
            .ToList();
    }

    /// <summary>Moves the previewed documents to the new tovholder: a new published version (and draft) for each.</summary>
    public async Task<RosterResult> MoveDocumentsAsync(string fromKey, string toKey, IReadOnlyCollection<string> slugs, UserProfile user, CancellationToken cancellationToken = default)
    {
        var to = catalog.Current.Roster.Find(toKey);
        if (to is null || string.Equals(fromKey, toKey, StringComparison.OrdinalIgnoreCase))
        {
            return new RosterResult(false, "Vælg en anden tovholder fra listen at flytte dokumenterne til.");
        }
        var comment = $"Tovholder skiftet fra {catalog.Current.Roster.Find(fromKey)?.Name ?? fromKey} til {to.Name}";
        var (moved, skipped) = await store.RewriteAsync(slugs,
            texts => texts.Any(t => string.Equals(OwnerOf(t), fromKey, StringComparison.OrdinalIgnoreCase)),
            text => WithOwner(text, toKey), comment, AuditActions.ChangeOwner, user, cancellationToken);
        var message = $"{Documents(moved)} er flyttet til {to.Name}." + (skipped.Count > 0 ? $" {Documents(skipped.Count)} blev ikke flyttet (ændret imens eller med fejl): {string.Join(", ", skipped)}." : "");
        return new RosterResult(moved > 0 || skipped.Count == 0, message, skipped);
    }

    private async Task<RosterResult> WriteRosterAsync(Func<string, (string? Yaml, string? Error)> change, UserProfile user, string details, CancellationToken cancellationToken)
    {
        await _fileGate.WaitAsync(cancellationToken);
        try
        {
            var current = File.Exists(RosterPath) ? await File.ReadAllTextAsync(RosterPath, cancellationToken) : "";
            var (yaml, error) = change(current);
            if (yaml is null)
            {
                return new RosterResult(false, error!);
            }
            var issues = new List<ContentIssue>();
            var check = Path.Combine(Path.GetTempPath(), "roster-check-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(check);
            try
            {
                await File.WriteAllTextAsync(Path.Combine(check, Roster.FileName), yaml, cancellationToken);
                Roster.Load(check, issues);
            }
            finally
            {
                Directory.Delete(check, recursive: true);
            }
            if (issues.Any(i => i.Severity == IssueSeverity.Error))
            {
                return new RosterResult(false, "Ændringen ville gøre tovholderlisten ugyldig: " + issues.First().Message);
            }
            writer.Write(RosterPath, yaml);
            await audit.WriteAsync(user, AuditActions.RosterChange, Roster.FileName, details, cancellationToken);
            await synchronizer.SyncAsync(cancellationToken);
            return new RosterResult(true, "Tovholderlisten er gemt.");
        }
        finally
        {
            _fileGate.Release();
        }
    }

    private static string Documents(int count) => DanishFormat.Count(count, "dokument", "dokumenter");

    private static string? OwnerOf(string content) => FrontMatterReader.Read(content, "x.md").FrontMatter?.GetString(FrontMatterKeys.Owner);

    private static string? TitleOf(string content) => FrontMatterReader.Read(content, "x.md").FrontMatter?.GetString(FrontMatterKeys.Title);

    private static string WithOwner(string content, string owner)
    {
        var split = DocumentText.Split(content);
        return (split with { FrontMatter = FrontMatterEditor.Set(split.FrontMatter, FrontMatterKeys.Owner, owner) }).Compose();
    }
}
