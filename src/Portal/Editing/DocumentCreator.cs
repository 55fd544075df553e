using System.Text;
using Microsoft.Extensions.Options;
using Portal.Auth;
using Portal.Content;
using Portal.Documents;
using Portal.Reviews;

namespace Portal.Editing;

public sealed record CreateRequest(string Type, string Folder, string Title, string OwnerKey, Area Area, string? FileName = null);

/// <summary>Creates a document from its type's template as a first draft, after the same validation as every save.</summary>
public sealed partial class DocumentCreator(DocumentStore store, IOptions<ReviewOptions> reviewOptions, TimeProvider clock)
{
    public async Task<EditResult> CreateAsync(CreateRequest request, UserProfile user, CancellationToken cancellationToken = default)
    {
        request = request with { Type = request.Type ?? "", Title = request.Title ?? "", OwnerKey = request.OwnerKey ?? "" };
        var errors = new List<FieldError>();
        if (!NewDocumentTemplates.IsKnown(request.Type))
        {
            errors.Add(new FieldError("type", 0, $"Vælg en type: {string.Join(", ", NewDocumentTemplates.Types.Select(t => t.Type))}."));
        }
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            errors.Add(new FieldError("titel", 0, "Skriv dokumentets titel."));
        }
        var folder = DocumentStore.Normalize(request.Folder);
        var name = Slugify(string.IsNullOrWhiteSpace(request.FileName) ? request.Title : request.FileName);
        var slug = folder + "/" + name;
        if (errors.Count == 0 && !folder.StartsWith(NewDocumentTemplates.RootOf(request.Type), StringComparison.Ordinal))
        {
            errors.Add(new FieldError("mappe", 0, $"En {request.Type} skal ligge under '{NewDocumentTemplates.RootOf(request.Type)}/'."));
        }
        if (name.Length == 0)
        {
            errors.Add(new FieldError("filnavn", 0, "Adressen må kun have små bogstaver a-z, tal og bindestreger, og mappen skal ligge under arbejdsgange/ eller skabeloner/."));
        }
        else if (DocumentSlug.Problem(slug) is { } problem)
        {
            errors.Add(new FieldError("filnavn", 0, problem));
        }
        if (errors.Count > 0)
        {
            return EditResult.Invalid(errors);
        }

        var today = clock.Today();
        var text = NewDocumentTemplates.Text(request.Type, request.Title, request.OwnerKey, request.Area, reviewOptions.Value.NextReviewDate(request.Type, today), today);
        return await store.CreateAsync(slug, text, $"Oprettet fra skabelonen '{request.Type}'", $"Type {request.Type}, version 1 (kladde)", user, cancellationToken);
    }

    /// <summary>"Meddelelse af afslag – børn" → "meddelelse-af-afslag-boern".</summary>
    public static string Slugify(string value)
    {
        var ascii = TextNormalizer.ToAscii(value.Trim().ToLowerInvariant()).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in ascii)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                sb.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        return sb.ToString().Trim('-');
    }
}
