using System.Globalization;
using System.Xml.Linq;
using Portal.Letters;
using Portal.Privacy;

namespace Portal.Delivery;

/// <summary>Who gets the letter in Digital Post: a citizen (CPR) or a company (CVR).</summary>
public sealed record MemoRecipient(string Id, bool IsCompany)
{
    /// <summary>Parses "CPR or CVR" as typed (spaces and a dash allowed); null with a Danish error when it is neither.</summary>
    public static MemoRecipient? Parse(string? text, out string? error)
    {
        var digits = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        error = null;
        if (digits.Length == 10 && digits.All(char.IsAsciiDigit) && CprDetector.IsCpr(digits))
        {
            return new MemoRecipient(digits, false);
        }
        if (digits.Length == 8 && digits.All(char.IsAsciiDigit) && IsCvr(digits))
        {
            return new MemoRecipient(digits, true);
        }
        error = "Skriv modtagerens CPR-nummer (10 cifre, fx 010203-1234) eller virksomhedens CVR-nummer (8 cifre).";
        return null;
    }

    // CVR numbers carry a modulus-11 check digit with weights 2 7 6 5 4 3 2 1.
    private static bool IsCvr(string digits)
    {
        int[] weights = [2, 7, 6, 5, 4, 3, 2, 1];
        return digits[0] != '0' && digits.Select((c, i) => (c - '0') * weights[i]).Sum() % 11 == 0;
    }
}

/// <summary>What the MeMo message needs besides the PDF.</summary>
public sealed record MemoRequest(Guid MessageId, string Label, MemoRecipient Recipient, string CaseNumber, KleClassification Kle, bool LegalNotification, string FileName, byte[] Pdf, DateTimeOffset CreatedAt, FormClassification? Form = null);

/// <summary>Builds a MeMo 1.1 Message (DIGITALPOST) and validates it against the schema before anything is queued.</summary>
public sealed class MemoBuilder(Microsoft.Extensions.Options.IOptions<DeliveryOptions> options)
{
    public static readonly XNamespace Memo = "https://DigitalPost.dk/MeMo-1";
    public static readonly XNamespace Kle = "http://kle-online.dk/";
    public static readonly XNamespace Form = "http://www.form-online.dk/";
    public const string KleVersion = "1.0";
    public const string FormVersion = "1.0";

    public XDocument Build(MemoRequest request)
    {
        var o = options.Value;
        var label = Truncate(request.Label, 256);
        var content = new XElement(Memo + "ContentData",
            new XElement(Memo + "CaseID", new XElement(Memo + "caseID", request.CaseNumber), new XElement(Memo + "caseSystem", o.CaseSystem)),
            new XElement(Kle + "KLEdata",
                new XElement(Kle + "subjectKey", request.Kle.SubjectKey),
                new XElement(Kle + "version", KleVersion),
                request.Kle.ActivityFacet is { } facet ? new XElement(Kle + "activityFacet", facet) : null,
                new XElement(Kle + "label", Truncate(request.Kle.Label, 256))),
            request.Form is { } form
                ? new XElement(Form + "FORMdata",
                    new XElement(Form + "taskKey", form.TaskKey),
                    new XElement(Form + "version", FormVersion),
                    form.ActivityFacet is { } formFacet ? new XElement(Form + "activityFacet", formFacet) : null,
                    new XElement(Form + "label", Truncate(form.Label, 256)))
                : null);
        var header = new XElement(Memo + "MessageHeader",
            new XElement(Memo + "messageType", "DIGITALPOST"),
            new XElement(Memo + "messageUUID", request.MessageId.ToString("D")),
            new XElement(Memo + "label", label),
            new XElement(Memo + "mandatory", "false"),
            new XElement(Memo + "legalNotification", request.LegalNotification ? "true" : "false"),
            new XElement(Memo + "Sender",
                new XElement(Memo + "senderID", o.SenderCvr),
                new XElement(Memo + "idType", "CVR"),
                new XElement(Memo + "label", Truncate(o.SenderLabel, 256))),
            new XElement(Memo + "Recipient",
                new XElement(Memo + "recipientID", request.Recipient.Id),
                new XElement(Memo + "idType", request.Recipient.IsCompany ? "CVR" : "CPR")),
            content);
        var body = new XElement(Memo + "MessageBody",
            new XElement(Memo + "createdDateTime", request.CreatedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XElement(Memo + "MainDocument",
                new XElement(Memo + "label", label),
                new XElement(Memo + "File",
                    new XElement(Memo + "encodingFormat", "application/pdf"),
                    new XElement(Memo + "filename", request.FileName),
                    new XElement(Memo + "language", "da"),
                    new XElement(Memo + "content", Convert.ToBase64String(request.Pdf)))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Memo + "Message",
                new XAttribute("memoVersion", "1.1"),
                new XAttribute("memoSchVersion", "1.1.0"),
                new XAttribute(XNamespace.Xmlns + "memo", Memo.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "kle", Kle.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "form", Form.NamespaceName),
                header, body));
    }

    /// <summary>Builds and validates; a schema error is a Danish <see cref="MemoException"/> and nothing is queued.</summary>
    public XDocument BuildValid(MemoRequest request)
    {
        var message = Build(request);
        var errors = MemoSchema.Validate(message);
        if (errors.Count > 0)
        {
            throw new MemoException(string.Join(" ", errors));
        }
        return message;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public sealed class MemoException(string message) : Exception(message);
