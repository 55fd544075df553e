using System.Globalization;
using System.Text.Json;
using Portal.Content;

namespace Portal.Letters;

/// <summary>Field values converted to their types: string, DateOnly, decimal, bool or a list of strings.</summary>
public sealed record FieldValues(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public object? this[string name] => Values.GetValueOrDefault(name);
}

/// <summary>
/// Turns form, API or sample values into typed field values with Danish messages. Accepts typed values
/// (DateOnly, decimal, bool, lists), strings as typed by people (3.11.2026, 1.234,50) and JSON elements.
/// </summary>
public static class FieldValueParser
{
    private static readonly CultureInfo s_danish = DanishFormat.Culture;
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "d.M.yyyy", "d-M-yyyy", "d/M/yyyy", "d.M.yy", "dd-MM-yyyy"];

    public static FieldValues Parse(TemplateDefinition template, IReadOnlyDictionary<string, object?> input, bool useDefaults = true)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<FieldError>();
        foreach (var name in input.Keys.Where(k => template.Field(k) is null))
        {
            errors.Add(new FieldError(Shorten(name), $"Skabelonen har intet felt med navnet '{Shorten(name)}'."));
        }
        foreach (var field in template.Fields)
        {
            var raw = input.TryGetValue(field.Name, out var given) ? given : null;
            if (IsEmpty(raw) && useDefaults)
            {
                raw = field.DefaultValue;
            }
            string? error = null;
            var value = IsEmpty(raw) ? null : Convert(field, raw, out error);
            if (error is null && LimitError(field, value) is { } limit)
            {
                errors.Add(new FieldError(field.Name, limit, Immediate: true));
                value = null;
            }
            else if (error is not null)
            {
                errors.Add(new FieldError(field.Name, error));
            }
            else if (field.Required && (value is null || value is IReadOnlyList<string> { Count: 0 }))
            {
                errors.Add(new FieldError(field.Name, $"'{field.Label}' skal udfyldes."));
            }
            values[field.Name] = value ?? (field.Type == FieldType.List ? Array.Empty<string>() : null);
        }
        return new FieldValues(values, errors);
    }

    public static object? Convert(TemplateField field, object? raw, out string? error)
    {
        error = null;
        if (raw is JsonElement json)
        {
            raw = FromJson(json);
        }
        switch (field.Type)
        {
            case FieldType.Text or FieldType.LongText:
                return raw is string or decimal or int or long or double ? System.Convert.ToString(raw, s_danish) : Invalid(field, "en tekst", out error);
            case FieldType.Date:
                if (ParseDate(raw) is { } date)
                {
                    return date;
                }
                error = $"'{field.Label}' skal være en dato som 2026-11-03 eller 3.11.2026.";
                return null;
            case FieldType.Number or FieldType.Amount:
                if (ParseNumber(raw, field.Type == FieldType.Amount) is { } number)
                {
                    return number;
                }
                error = field.Type == FieldType.Amount
                    ? $"'{field.Label}' skal være et beløb som 1234,50 eller 1.234,50."
                    : $"'{field.Label}' skal være et tal, fx 12 eller 7,5.";
                return null;
            case FieldType.Choice:
                var text = raw as string;
                var option = field.Options.FirstOrDefault(o => string.Equals(o, text?.Trim(), StringComparison.OrdinalIgnoreCase));
                if (option is null)
                {
                    error = $"'{Shorten(text)}' er ikke en af mulighederne for '{field.Label}': {string.Join(", ", field.Options)}.";
                }
                return option;
            case FieldType.YesNo:
                return raw switch
                {
                    bool b => b,
                    string s when s.Trim().ToLowerInvariant() is "ja" or "true" or "yes" => true,
                    string s when s.Trim().ToLowerInvariant() is "nej" or "false" or "no" => false,
                    _ => Invalid(field, "ja eller nej", out error),
                };
            default:
                return raw switch
                {
                    string s => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    IEnumerable<string> list => list.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList(),
                    IEnumerable<object?> items when items.All(i => i is string or null) => items.OfType<string>().Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).ToList(),
                    _ => Invalid(field, "en liste af tekster", out error),
                };
        }
    }

    /// <summary>Length and unsafe characters, checked on the converted value so form, API and samples agree.</summary>
    public static string? LimitError(TemplateField field, object? value) => value switch
    {
        string s when field.Type is FieldType.Text or FieldType.LongText => FieldLimits.Check(field.Label, s, field.Limit),
        IReadOnlyList<string> list when list.Count > FieldLimits.ListItems =>
            $"'{field.Label}' har {DanishFormat.Count(list.Count, "punkt", "punkter")}. Der må højst være {FieldLimits.ListItems}.",
        IReadOnlyList<string> list => list.Select((item, i) => FieldLimits.Check($"{field.Label} {i + 1}", item, field.Limit)).FirstOrDefault(e => e is not null),
        _ => null,
    };

    public static DateOnly? ParseDate(object? raw) => raw switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.Date),
        string s when DateOnly.TryParseExact(s.Trim(), s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };

    public static decimal? ParseNumber(object? raw, bool amount)
    {
        switch (raw)
        {
            case decimal d:
                return d;
            case int or long or double or float:
                return System.Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
            case string s:
                s = s.Trim().Replace(" ", "").Replace("\u00a0", "");
                if (amount && s.EndsWith("kr.", StringComparison.OrdinalIgnoreCase))
                {
                    s = s[..^3];
                }
                else if (amount && s.EndsWith("kr", StringComparison.OrdinalIgnoreCase))
                {
                    s = s[..^2];
                }
                // A comma means Danish notation (1.234,50); without one, a dot is a decimal point (YAML 1234.5).
                var style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands;
                if (s.Contains(','))
                {
                    return decimal.TryParse(s, style, s_danish, out var dk) ? dk : null;
                }
                if (amount && System.Text.RegularExpressions.Regex.IsMatch(s, @"^-?\d{1,3}(\.\d{3})+$"))
                {
                    return decimal.TryParse(s, style, s_danish, out var thousands) ? thousands : null;
                }
                return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var inv) ? inv : null;
            default:
                return null;
        }
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => JsonText.GetString(json),
        JsonValueKind.Number => json.TryGetDecimal(out var number) ? number : json.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => json,
    };

    private static bool IsEmpty(object? raw) => raw switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => true,
        JsonElement { ValueKind: JsonValueKind.String } j => string.IsNullOrWhiteSpace(JsonText.GetString(j)),
        _ => false,
    };

    // An echoed value stays short: an error message must not carry a megabyte of case data back.
    private static string Shorten(string? text) => text is { Length: > 60 } ? UnsafeCharacters.Strip(text[..60]) + "…" : UnsafeCharacters.Strip(text ?? "");

    private static object? Invalid(TemplateField field, string expected, out string? error)
    {
        error = $"'{field.Label}' skal være {expected}.";
        return null;
    }
}
