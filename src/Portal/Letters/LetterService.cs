using Microsoft.Extensions.Options;
using Portal.Content;

namespace Portal.Letters;

/// <summary>The outcome of filling a template: the letters, the rules' warnings and any errors (Danish).</summary>
public sealed record LetterResult(
    TemplateDefinition Template,
    IReadOnlyList<RenderedLetter> Letters,
    IReadOnlyList<LetterWarning> Warnings,
    IReadOnlyList<FieldError> Errors,
    LetterContext Context)
{
    public bool IsValid => Errors.Count == 0 && Letters.Count > 0;
}

/// <summary>Validates the values, applies the rules and renders one letter per recipient or one with copies.</summary>
public sealed class LetterService(LetterRenderer renderer, LetterRules rules, IOptions<LettersOptions> options)
{
    /// <param name="preview">Render even when fields are missing, so the caseworker sees the letter take shape.</param>
    public LetterResult Generate(TemplateSet set, TemplateDefinition template, LetterRequest request, Caseworker caseworker, bool preview = false)
    {
        var values = FieldValueParser.Parse(template, request.Fields);
        var ruling = rules.Evaluate(template, values, request.SendDate);
        var errors = values.Errors.Concat(ruling.Errors).Concat(CheckRecipients(request.Recipients)).ToList();
        var context = new LetterContext(caseworker, options.Value.Unit, options.Value.Municipality, request.SendDate, ruling.ComplaintDeadline);
        if (errors.Count > 0 && !preview)
        {
            return new LetterResult(template, [], ruling.Warnings, errors, context);
        }

        var compiled = TemplateCache.Shared.Compile(template);
        var recipients = request.Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var letters = new List<RenderedLetter>();
        try
        {
            foreach (var (to, copies) in Addressing(template.RecipientMode, recipients))
            {
                var model = ScriptModelBuilder.Build(template, preview ? WithPlaceholders(template, values) : values, context, to, recipients, copies);
                var markdown = renderer.RenderMarkdown(compiled, set.Partials, model);
                letters.Add(new RenderedLetter(to, template.RecipientMode == RecipientMode.Copy ? copies : [], markdown, renderer.ToHtml(markdown, set.Laws)));
            }
        }
        catch (LetterRenderException ex)
        {
            errors.Add(new FieldError(null, ex.Message));
            return new LetterResult(template, [], ruling.Warnings, errors, context);
        }
        return new LetterResult(template, letters, ruling.Warnings, errors, context);
    }

    /// <summary>The preview shows "[Barnets navn]" where a text is not typed yet, instead of "Afgørelsen handler om .".</summary>
    private static FieldValues WithPlaceholders(TemplateDefinition template, FieldValues values)
    {
        var filled = new Dictionary<string, object?>(values.Values, StringComparer.OrdinalIgnoreCase);
        foreach (var field in template.Fields.Where(f => f.Required && f.Type is FieldType.Text or FieldType.LongText or FieldType.Choice))
        {
            if (filled.GetValueOrDefault(field.Name) is not string { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
            {
                filled[field.Name] = PreviewPlaceholder(field);
            }
        }
        return values with { Values = filled };
    }

    public static string PreviewPlaceholder(TemplateField field) => $"[{field.Label}]";

    private static IEnumerable<(Recipient? To, IReadOnlyList<Recipient> Copies)> Addressing(RecipientMode mode, IReadOnlyList<Recipient> recipients)
    {
        if (recipients.Count == 0)
        {
            yield return (null, []);
            yield break;
        }
        if (mode == RecipientMode.Copy)
        {
            yield return (recipients[0], recipients.Skip(1).ToList());
            yield break;
        }
        foreach (var recipient in recipients)
        {
            yield return (recipient, recipients.Where(r => r != recipient).ToList());
        }
    }

    private static IEnumerable<FieldError> CheckRecipients(IReadOnlyList<Recipient> recipients)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            if (string.IsNullOrWhiteSpace(r.Name) && !string.IsNullOrWhiteSpace(r.Address))
            {
                yield return new FieldError($"modtagere[{i}].navn", $"Modtager {i + 1} mangler et navn.");
            }
        }
    }
}
