using Portal.Letters;

namespace Portal.Delivery;

/// <summary>A final letter as the citizen gets it: the PDF/A and the manifest it carries.</summary>
public sealed record FinalDocument(byte[] Pdf, byte[] Docx, RenderManifest Manifest, string FileName);

/// <summary>A letter that may not leave the portal (not final, or no PDF possible), with the reason in Danish.</summary>
public sealed class NotFinalException(string message) : Exception(message);

/// <summary>Turns a final letter into its PDF/A-2b through the DOCX the portal writes and the warm converter.</summary>
public sealed class FinalLetter(DocxWriter docx, PdfConverter converter, TimeProvider clock)
{
    public const string PdfContentType = "application/pdf";

    public static string FileName(TemplateDefinition template, DateOnly sendDate) => $"{template.PartialName}-{sendDate:yyyy-MM-dd}.pdf";

    /// <summary>The gate: only <see cref="LetterResult.IsFinal"/> letters (approved template, verified rates, nothing left to fill).</summary>
    public static void EnsureFinal(LetterResult result)
    {
        if (!result.IsFinal)
        {
            throw new NotFinalException("Brevet er et udkast og kan ikke blive endeligt endnu: " + string.Join(" ", result.FinalBlockers));
        }
    }

    public async Task<FinalDocument> MakeAsync(LetterResult result, TemplateSet set, DateOnly sendDate, CancellationToken cancellationToken = default)
    {
        EnsureFinal(result);
        var word = docx.Write(result);
        await converter.WarmAsync(cancellationToken);
        var manifest = RenderManifest.For(result, set, converter.OfficeVersion ?? "LibreOffice", clock.GetUtcNow());
        var pdf = await converter.ConvertAsync(word, manifest.ToKeywords(), result.Template.Title, cancellationToken);
        return new FinalDocument(pdf, word, manifest, FileName(result.Template, sendDate));
    }
}
