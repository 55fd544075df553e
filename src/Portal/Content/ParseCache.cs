using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data;

namespace Portal.Content;

/// <summary>
/// What import computed for one published document (metadata, table of contents, headings, links, warnings and the
/// sanitised HTML), so a restart serves the library without parsing or rendering again. One row per slug; it is used
/// only when both the content hash and the stamp (pipeline version and parse context) match.
/// </summary>
public sealed class ParsedDocumentEntry
{
    public required string Slug { get; set; }
    public required string ContentHash { get; set; }
    public required string Stamp { get; set; }

    /// <summary>JSON of <see cref="ParsedMetadata"/>.</summary>
    public required string Metadata { get; set; }
    public required string Html { get; set; }
}

internal sealed class ParsedDocumentEntryConfiguration : IEntityTypeConfiguration<ParsedDocumentEntry>
{
    public void Configure(EntityTypeBuilder<ParsedDocumentEntry> builder)
    {
        builder.ToTable("ParsedDocuments");
        builder.HasKey(e => e.Slug);
        builder.Property(e => e.Slug).HasMaxLength(400);
        builder.Property(e => e.ContentHash).HasMaxLength(100);
        builder.Property(e => e.Stamp).HasMaxLength(100);
    }
}

/// <summary>The parsed fields of a <see cref="LibraryDocument"/> that are not cheap to read again from the stored text.</summary>
internal sealed record ParsedMetadata(
    string Title, string Type, string TypeLabel, Area Area, Owner Owner, DateOnly ReviewDate,
    IReadOnlyList<LawReference> LegalBasis, string? Phase, IReadOnlyList<string> Tags, string? Summary, DateOnly? Updated,
    IReadOnlyList<TocEntry> Toc, IReadOnlyList<string> Headings, IReadOnlyList<DocumentLink> Links,
    IReadOnlyList<ContentIssue> Issues)
{
    /// <summary>The document's warnings: its issues of that severity, as the parser gives them (not stored twice).</summary>
    public IReadOnlyList<ContentIssue> Warnings() => Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
}

/// <summary>
/// Compiled (de)serialisation of the metadata (written with <see cref="ParsedMetadataJson.Stored"/>'s options): a
/// restart reads 10,000 entries, and reading them by reflection was three quarters of building the library.
/// </summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(JsonSerializerDefaults.General)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ParsedMetadata))]
internal sealed partial class ParsedMetadataJson : System.Text.Json.Serialization.JsonSerializerContext
{
    /// <summary>
    /// Letters as themselves: escaped, each æ, ø or å took six characters, and a restart reads every entry. (Markup
    /// characters are still escaped; the JSON is never placed in a page.)
    /// </summary>
    public static ParsedMetadataJson Stored { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.General)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    });
}

/// <summary>
/// The persisted parse cache: reads entries at rebuild, writes what was parsed anew, and fetches a body's HTML on
/// demand. A missing, stale or unreadable entry means "parse again", never an error for the reader.
/// </summary>
public sealed class ParseCache(IDbContextFactory<PortalDbContext> dbFactory, ILogger<ParseCache> logger)
{
    /// <summary>
    /// Bump when parsing, rendering or sanitising changes what a document turns into (Markdig extensions, the
    /// sanitiser's rules, the checks' messages): every persisted entry is then parsed again once.
    /// </summary>
    public const string CurrentPipelineVersion = "2026-12-04.1";

    /// <summary>The pipeline version in the stamp (tests move it to prove entries of another version are not used).</summary>
    public string PipelineVersion { get; init; } = CurrentPipelineVersion;

    /// <summary>The stamp entries must carry: the pipeline version plus whatever the parse context depends on.</summary>
    public string StampFor(string context) => ContentHash.Of(PipelineVersion + "\n" + context);

    /// <summary>Entries (without their HTML) by slug whose stamp matches; the caller compares content hashes.</summary>
    /// <param name="slugs">Only these documents (a rebuild after one change); null: every entry (a restart).</param>
    /// <remarks>The metadata as UTF-8 (<see cref="Data.Utf8Rows"/>): JSON is read from UTF-8 without a string between.</remarks>
    public async Task<IReadOnlyDictionary<string, (string Hash, byte[] Metadata)>> LoadAsync(string stamp, IReadOnlyCollection<string>? slugs, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var entries = db.ParsedDocuments.AsNoTracking().Where(e => e.Stamp == stamp);
            if (slugs is not null)
            {
                entries = entries.Where(e => slugs.Contains(e.Slug));
            }
            var rows = new Dictionary<string, (string Hash, byte[] Metadata)>(slugs?.Count ?? 0, StringComparer.Ordinal);
            await Data.Utf8Rows.ReadAsync(db, entries.Select(e => new { e.Slug, e.ContentHash, e.Metadata }), 2,
                (row, metadata) => rows[row.GetString(0)] = (row.GetString(1), metadata), cancellationToken);
            return rows;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Den gemte parse-cache kunne ikke læses; alle dokumenter fortolkes igen");
            return new Dictionary<string, (string, byte[])>();
        }
    }

    /// <summary>The stored HTML of exactly this version and stamp, or null (then the caller renders).</summary>
    public string? LoadHtml(string slug, string hash, string stamp)
    {
        try
        {
            using var db = dbFactory.CreateDbContext();
            return db.ParsedDocuments.AsNoTracking().Where(e => e.Slug == slug && e.ContentHash == hash && e.Stamp == stamp)
                .Select(e => e.Html).FirstOrDefault();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "HTML for {Slug} kunne ikke læses fra parse-cachen; dokumentet vises igen fra kilden", slug);
            return null;
        }
    }

    internal static string Serialize(LibraryDocument doc, IReadOnlyList<ContentIssue> issues) =>
        JsonSerializer.Serialize(new ParsedMetadata(doc.Title, doc.Type, doc.TypeLabel, doc.Area, doc.Owner, doc.ReviewDate,
            doc.LegalBasis, doc.Phase, doc.Tags, doc.Summary, doc.Updated, doc.Toc, doc.Headings, doc.Links, issues), ParsedMetadataJson.Stored.ParsedMetadata);

    /// <summary>The metadata, or null when the entry cannot be read (then the document is parsed again).</summary>
    internal static ParsedMetadata? Deserialize(string json) => Deserialize(System.Text.Encoding.UTF8.GetBytes(json));

    /// <inheritdoc cref="Deserialize(string)"/>
    internal static ParsedMetadata? Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var metadata = JsonSerializer.Deserialize(utf8Json, ParsedMetadataJson.Stored.ParsedMetadata);
            return metadata is
            {
                Title: not null, Type: not null, TypeLabel: not null, Owner: not null, LegalBasis: not null, Tags: not null,
                Toc: not null, Headings: not null, Links: not null, Issues: not null
            } ? metadata : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Upserts the entries parsed anew and drops those of documents no longer served.</summary>
    public async Task SaveAsync(IReadOnlyCollection<ParsedDocumentEntry> parsed, IReadOnlySet<string> served, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var existing = (await db.ParsedDocuments.Select(e => e.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in parsed)
            {
                if (existing.Contains(entry.Slug))
                {
                    db.ParsedDocuments.Update(entry);
                }
                else
                {
                    db.ParsedDocuments.Add(entry);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            var gone = existing.Where(s => !served.Contains(s)).ToList();
            foreach (var chunk in gone.Chunk(500))
            {
                await db.ParsedDocuments.Where(e => chunk.Contains(e.Slug)).ExecuteDeleteAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another node may have written the same slug; the next rebuild writes it again. Readers are unaffected.
            logger.LogWarning(ex, "Parse-cachen kunne ikke gemmes; næste genstart fortolker de berørte dokumenter igen");
        }
    }
}
