using System.Text;
using Portal.Auth;
using Portal.Letters;

namespace Portal.Delivery;

/// <summary>What the caseworker gives to send a letter: the recipient's CPR/CVR, the case number and, for a letter with warnings, a confirmation.</summary>
public sealed record SendRequest(string? RecipientId, string? CaseNumber, bool ConfirmWarnings);

/// <summary>The outcome of a send: the outbox id, or Danish errors (nothing was queued).</summary>
public sealed record SendResult(Guid? LetterId, IReadOnlyList<FieldError> Errors);

/// <summary>
/// "Send til borger og journalisér": checks the gate (final letter, recipient, case number, warnings confirmed), makes
/// the PDF/A, builds and validates the MeMo message and queues both deliveries with the audit entry.
/// </summary>
public sealed class LetterSender(FinalLetter final, MemoBuilder memo, OutboxStore outbox, TimeProvider clock)
{
    public async Task<SendResult> SendAsync(LetterResult result, TemplateSet set, LetterRequest letter, SendRequest send, UserProfile user, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        if (!result.IsFinal)
        {
            errors.Add(new FieldError(null, "Brevet er et udkast og kan ikke sendes: " + string.Join(" ", result.FinalBlockers)));
        }
        var recipient = MemoRecipient.Parse(send.RecipientId, out var recipientError);
        if (recipientError is not null)
        {
            errors.Add(new FieldError("modtager", recipientError));
        }
        var caseNumber = send.CaseNumber?.Trim() ?? "";
        if (caseNumber.Length is 0 or > 100)
        {
            errors.Add(new FieldError("sagsnummer", "Skriv sagens nummer i sagssystemet (højst 100 tegn)."));
        }
        else if (Privacy.CprDetector.Contains(caseNumber))
        {
            errors.Add(new FieldError("sagsnummer", "Sagsnummeret ser ud til at indeholde et CPR-nummer. Skriv sagens nummer i sagssystemet."));
        }
        if (result.Template.Kle is null)
        {
            errors.Add(new FieldError(null, "Skabelonen har intet KLE-emne, så brevet kan ikke sendes med Digital Post. Bed skabelonens tovholder tilføje 'kle' i skabelonen."));
        }
        if (result.Warnings.Count > 0 && !send.ConfirmWarnings)
        {
            errors.Add(new FieldError("bekraeft", "Brevet har advarsler. Læs dem, og bekræft, at brevet skal sendes alligevel."));
        }
        if (errors.Count > 0)
        {
            return new SendResult(null, errors);
        }

        FinalDocument document;
        try
        {
            document = await final.MakeAsync(result, set, letter.SendDate, cancellationToken);
        }
        catch (Exception ex) when (ex is PdfConversionException or NotFinalException)
        {
            return new SendResult(null, [new FieldError(null, ex.Message)]);
        }
        var letterId = Guid.NewGuid();
        var label = Label(result);
        System.Xml.Linq.XDocument message;
        try
        {
            message = memo.BuildValid(new MemoRequest(letterId, label, recipient!, caseNumber, result.Template.Kle!,
                result.Template.Kind == TemplateKind.Decision, document.FileName, document.Pdf, clock.GetUtcNow(), result.Template.Form));
        }
        catch (MemoException ex)
        {
            return new SendResult(null, [new FieldError(null, ex.Message)]);
        }
        await outbox.QueueAsync(new QueuedLetter(letterId, document, Encoding.UTF8.GetBytes(message.Declaration + "\n" + message.ToString(System.Xml.Linq.SaveOptions.DisableFormatting)), label, caseNumber, user), cancellationToken);
        return new SendResult(letterId, []);
    }

    /// <summary>The MeMo label the citizen sees in Digital Post: the letter's title.</summary>
    public static string Label(LetterResult result) => result.Template.Title.Length <= 256 ? result.Template.Title : result.Template.Title[..255] + "…";
}
