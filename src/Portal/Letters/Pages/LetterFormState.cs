namespace Portal.Letters;

/// <summary>A recipient row in the form (mutable for binding).</summary>
public sealed class RecipientInput
{
    public string Name { get; set; } = "";
    public RecipientRole Role { get; set; } = RecipientRole.Citizen;
    public string Address { get; set; } = "";
}

/// <summary>
/// The letter form's state: typed values for the inputs, recipients and send date, and the live preview.
/// Lives in the circuit; the page keeps a copy in the tab's sessionStorage (<see cref="LetterDraft"/>), never on the server.
/// </summary>
public sealed class LetterFormState
{
    public LetterFormState(TemplateDefinition template, DateOnly today, IReadOnlyDictionary<string, object?>? prefill = null)
    {
        Template = template;
        Today = today;
        SendDate = today.ToDateTime(TimeOnly.MinValue);
        foreach (var field in template.Fields)
        {
            Values[field.Name] = ForInput(field, field.DefaultValue);
        }
        Recipients.Add(new RecipientInput());
        _empty = LetterDraft.From(this);
        if (prefill is not null)
        {
            Fill(prefill);
        }
    }

    /// <summary>The form as it opens, before anything is typed or handed over: what "nothing typed" looks like.</summary>
    private readonly string _empty;

    /// <summary>Something has been typed or handed over: leaving the tab would lose it.</summary>
    public bool HasInput => LetterDraft.From(this) != _empty;

    /// <summary>Fields the example would overwrite that already hold something the caseworker typed.</summary>
    public IReadOnlyList<TemplateField> TypedFieldsTheExampleReplaces => Template.Fields
        .Where(f => Template.Example.ContainsKey(f.Name) && !IsEmpty(Values.GetValueOrDefault(f.Name))
            && !Equals(Values.GetValueOrDefault(f.Name), ForInput(f, f.DefaultValue)))
        .ToList();

    public TemplateDefinition Template { get; }
    public DateOnly Today { get; }
    public Dictionary<string, object?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<RecipientInput> Recipients { get; } = [];
    public DateTime? SendDate { get; set; }

    /// <summary>Field errors show once the caseworker tries to download or print.</summary>
    public bool ShowErrors { get; set; }

    public LetterResult? Preview { get; private set; }

    public void Fill(IReadOnlyDictionary<string, object?> values)
    {
        foreach (var (name, value) in values)
        {
            if (Template.Field(name) is { } field)
            {
                Values[field.Name] = ForInput(field, value);
            }
        }
    }

    public void FillWithExample() => Fill(Template.Example);

    public LetterRequest ToRequest() => new(
        Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value is List<string> list ? list.Where(i => !string.IsNullOrWhiteSpace(i)).ToList() : v.Value),
        SendDate is { } d ? DateOnly.FromDateTime(d) : Today,
        Recipients.Where(r => !string.IsNullOrWhiteSpace(r.Name) || !string.IsNullOrWhiteSpace(r.Address))
            .Select(r => new Recipient(r.Name.Trim(), r.Role, r.Address.Trim())).ToList());

    public LetterResult Refresh(TemplateSet set, LetterService letters, Caseworker caseworker) =>
        Preview = letters.Generate(set, Template, ToRequest(), caseworker, preview: true);

    public string? ErrorFor(string field) =>
        Preview?.Errors.FirstOrDefault(e => (ShowErrors || e.Immediate) && string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase))?.Message;

    /// <summary>Required fields still empty, for the panel beside the preview.</summary>
    public IEnumerable<TemplateField> MissingRequired => Template.Fields.Where(f => f.Required && IsEmpty(Values.GetValueOrDefault(f.Name)));

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        List<string> l => l.All(string.IsNullOrWhiteSpace),
        _ => false,
    };

    /// <summary>The value as the input component holds it: DateTime? for dates, decimal? for numbers, a list for lists.</summary>
    private static object? ForInput(TemplateField field, object? raw)
    {
        if (raw is null)
        {
            return field.Type switch
            {
                FieldType.YesNo => false,
                FieldType.List => new List<string>(),
                _ => null,
            };
        }
        var value = FieldValueParser.Convert(field, raw, out _);
        return value switch
        {
            DateOnly d => d.ToDateTime(TimeOnly.MinValue),
            IEnumerable<string> list => list.ToList(),
            null when field.Type is FieldType.Text or FieldType.LongText => raw.ToString(),
            _ => value ?? ForInput(field, null),
        };
    }
}
