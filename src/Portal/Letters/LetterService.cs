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

    /// <summary>Why the letter is only a draft (empty for a final letter): not approved, unverified rate, unfilled placeholder.</summary>
    public IReadOnlyList<string> FinalBlockers { get; init; } = [];

    /// <summary>
    /// A final letter may reach the citizen: valid, from a juridisk godkendt and unchanged template, every rate
    /// verified and no "[udfyldes ...]" left. Anything else is a preview with <see cref="Banner"/>.
    /// </summary>
    public bool IsFinal => IsValid && FinalBlockers.Count == 0;

    /// <summary>The draft banner shown above the letter in HTML and DOCX; null for a final letter.</summary>
    public string? Banner => IsFinal ? null : Template.LegalStatus.Banner ?? $"Udkast – brevet kan ikke sendes endnu. {string.Join(" ", FinalBlockers)}";

    /// <summary>The rates the letter used, for the caseworker and the tests.</summary>
    public IReadOnlyList<(Rate Rate, RatePeriod Period)> RatesUsed { get; init; } = [];
}

/// <summary>Validates the values, applies the rules and renders one letter per recipient or one with copies.</summary>
public sealed class LetterService(LetterRenderer renderer, LetterRules rules, IOptions<LettersOptions> options)
{
    /// <summary>Text that marks something not filled in; a final letter may not contain it.</summary>
    public const string PlaceholderMarker = "[udfyldes";

    /// <param name="preview">Render even when fields are missing, so the caseworker sees the letter take shape.</param>
    public LetterResult Generate(TemplateSet set, TemplateDefinition template, LetterRequest request, Caseworker caseworker, bool preview = false)
    {
        var values = FieldValueParser.Parse(template, request.Fields);
        var ruling = rules.Evaluate(template, values, request.SendDate);
        var errors = values.Errors.Concat(ruling.Errors).Concat(CompensationRule.Check(template, values, set.Rates, request.SendDate))
            .Concat(CheckRecipients(request.Recipients)).ToList();
        var ruleWarnings = ruling.Warnings.ToList();
        ChildPartyRule.Check(template, values, request, errors, ruleWarnings);
        var context = new LetterContext(caseworker, options.Value.Unit, options.Value.Municipality, request.SendDate, ruling.ComplaintDeadline, ruling.Complaint);
        var legal = template.LegalStatus;
        if (errors.Count > 0 && !preview)
        {
            return new LetterResult(template, [], ruleWarnings, errors, context) { FinalBlockers = [legal.Banner ?? "Brevet har fejl."] };
        }

        var compiled = TemplateCache.Shared.Compile(template);
        var recipients = request.Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name)).ToList();
        var letters = new List<RenderedLetter>();
        var rates = new RateLookup(set.Rates, request.SendDate);
        var functions = rates.Functions();
        var filled = preview ? WithPlaceholders(template, values) : values;
        var personal = LetterBlocks.PersonalTexts(template, filled, recipients);
        try
        {
            foreach (var (to, copies) in Addressing(template.RecipientMode, recipients))
            {
                var model = ScriptModelBuilder.Build(template, filled, context, to, recipients, copies);
                var markdown = renderer.RenderMarkdown(compiled, set.Partials, model, functions);
                letters.Add(new RenderedLetter(to, template.RecipientMode == RecipientMode.Copy ? copies : [], markdown, renderer.ToHtml(markdown, set.Laws, personal)));
            }
        }
        catch (LetterRenderException ex)
        {
            errors.Add(new FieldError(null, ex.Message));
            return new LetterResult(template, [], ruleWarnings, errors, context) { FinalBlockers = [ex.Message] };
        }

        var warnings = ruleWarnings;
        var blockers = new List<string>();
        if (!legal.IsApproved)
        {
            blockers.Add(legal.Banner!);
        }
        foreach (var (rate, period) in rates.Used.Where(u => !u.Period.Verified))
        {
            var text = $"Satsen '{rate.Name}' ({DanishFormat.Amount(period.Amount)}) fra {DanishFormat.Date(period.From)} er ikke verificeret i {RateTable.FileName}. Kontrollér beløbet, før brevet sendes.";
            warnings.Add(new LetterWarning("sats-ikke-verificeret", text));
            blockers.Add(text);
        }
        if (letters.Any(l => l.Markdown.Contains(PlaceholderMarker, StringComparison.OrdinalIgnoreCase)) || HasPlaceholder(context))
        {
            var text = "Brevet indeholder stadig tekst, der skal udfyldes (\"[udfyldes ...]\"). Udfyld den, før brevet kan sendes.";
            warnings.Add(new LetterWarning("pladsholder", text));
            blockers.Add(text);
        }
        if (errors.Count > 0)
        {
            blockers.Add("Brevet har fejl, der skal rettes.");
        }
        return new LetterResult(template, letters, warnings, errors, context) { FinalBlockers = blockers, RatesUsed = rates.Used.ToList() };
    }

    // The letterhead and signature come from configuration and the caseworker's profile, outside the Markdown.
    private static bool HasPlaceholder(LetterContext c) =>
        new[] { c.Unit.Name, c.Unit.Address, c.Unit.Phone, c.Unit.Email, c.Municipality.Name, c.Caseworker.Name, c.Caseworker.Title }
            .Any(v => v.Contains(PlaceholderMarker, StringComparison.OrdinalIgnoreCase));

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
        if (recipients.Count > FieldLimits.Recipients)
        {
            yield return new FieldError("modtagere", $"Et brev kan højst have {FieldLimits.Recipients} modtagere.", Immediate: true);
        }
        for (var i = 0; i < recipients.Count; i++)
        {
            var r = recipients[i];
            if (string.IsNullOrWhiteSpace(r.Name) && !string.IsNullOrWhiteSpace(r.Address))
            {
                yield return new FieldError($"modtagere[{i}].navn", $"Modtager {i + 1} mangler et navn.");
            }
            if (FieldLimits.Check($"Navn på modtager {i + 1}", r.Name, FieldLimits.RecipientName) is { } name)
            {
                yield return new FieldError($"modtagere[{i}].navn", name, Immediate: true);
            }
            if (FieldLimits.Check($"Adresse på modtager {i + 1}", r.Address, FieldLimits.RecipientAddress) is { } address)
            {
                yield return new FieldError($"modtagere[{i}].adresse", address, Immediate: true);
            }
        }
    }
}
