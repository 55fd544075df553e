using Scriban.Runtime;

namespace Portal.Letters;

/// <summary>
/// Builds the template's data from plain values only (strings, numbers, dates, lists): no .NET object is
/// ever exposed. Free text is Markdown-escaped here, so case data can never become markup.
/// </summary>
public static class ScriptModelBuilder
{
    public static ScriptObject Build(TemplateDefinition template, FieldValues values, LetterContext context, Recipient? recipient, IReadOnlyList<Recipient> all, IReadOnlyList<Recipient> copies)
    {
        var model = new ScriptObject
        {
            [TemplateCompiler.CaseObject] = Case(template, values),
            ["sagsbehandler"] = Object(
                ("navn", context.Caseworker.Name), ("titel", context.Caseworker.Title), ("telefon", context.Caseworker.Phone),
                ("email", context.Caseworker.Email), ("telefontid", context.Caseworker.PhoneHours)),
            ["enhed"] = Organisation(context.Unit),
            ["kommune"] = Organisation(context.Municipality),
            ["modtager"] = RecipientObject(recipient),
            ["modtagere"] = Recipients(all),
            ["kopimodtagere"] = Recipients(copies),
        };
        var letter = new ScriptObject
        {
            ["dato"] = context.SendDate.ToDateTime(TimeOnly.MinValue),
            ["klagefrist"] = context.ComplaintDeadline.ToDateTime(TimeOnly.MinValue),
            // How the decision is sent decides when it counts as received (retssikkerhedsloven § 67).
            ["forsendelse"] = context.Complaint?.Channel == DeliveryChannel.OrdinaryPost ? ComplaintDeadlineCalculator.OrdinaryPostOption : ComplaintDeadlineCalculator.DigitalPostOption,
            ["modtaget"] = (context.Complaint?.ReceivedDate ?? context.SendDate).ToDateTime(TimeOnly.MinValue),
        };
        model["brev"] = letter;
        return model;
    }

    private static ScriptObject Case(TemplateDefinition template, FieldValues values)
    {
        var sag = new ScriptObject();
        foreach (var field in template.Fields)
        {
            sag[field.Name] = values[field.Name] switch
            {
                null => field.Type == FieldType.YesNo ? false : null,
                // Options come from the template itself, never from the caseworker: compared and printed as written.
                string s when field.Type == FieldType.Choice => s,
                string s => MarkdownText.Escape(s, multiline: field.Type == FieldType.LongText),
                DateOnly d => d.ToDateTime(TimeOnly.MinValue),
                IReadOnlyList<string> list => List(list.Select(i => MarkdownText.Escape(i))),
                var other => other,
            };
        }
        return sag;
    }

    private static ScriptObject Organisation(Organisation o) =>
        Object(("navn", o.Name), ("adresse", o.Address), ("telefon", o.Phone), ("email", o.Email), ("web", o.Web));

    private static ScriptObject RecipientObject(Recipient? r)
    {
        var o = r is null ? Object(("navn", ""), ("rolle", "")) : Object(("navn", r.Name), ("rolle", RecipientRoles.Key(r.Role)));
        o["adresse"] = MarkdownText.Escape(r?.Address, multiline: true);
        return o;
    }

    private static ScriptArray Recipients(IEnumerable<Recipient> recipients) => new(recipients.Select(RecipientObject));

    private static ScriptArray List(IEnumerable<string> items) => new(items);

    private static ScriptObject Object(params (string Key, string Value)[] members)
    {
        var o = new ScriptObject();
        foreach (var (key, value) in members)
        {
            o[key] = MarkdownText.Escape(value);
        }
        return o;
    }
}
