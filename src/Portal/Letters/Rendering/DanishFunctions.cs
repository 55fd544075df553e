using System.Globalization;
using Portal.Content;
using Scriban.Runtime;

namespace Portal.Letters;

/// <summary>The Danish functions template authors use: dato, ugedag, kr, plus_uger, plus_dage, alder.</summary>
public static class DanishFunctions
{
    /// <summary>One read-only object shared by every render: functions only, no data.</summary>
    public static readonly ScriptObject Object = Create();

    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import("dato", new Func<object?, string>(Dato));
        functions.Import("ugedag", new Func<object?, string>(Ugedag));
        functions.Import("kr", new Func<object?, string>(Kr));
        functions.Import("plus_uger", new Func<object?, int, DateTime?>((d, n) => AsDate(d)?.AddDays(7 * n).ToDateTime(TimeOnly.MinValue)));
        functions.Import("plus_dage", new Func<object?, int, DateTime?>((d, n) => AsDate(d)?.AddDays(n).ToDateTime(TimeOnly.MinValue)));
        functions.Import("alder", new Func<object?, object?, int?>(Alder));
        foreach (var name in functions.Keys.ToList())
        {
            functions.SetReadOnly(name, true);
        }
        return functions;
    }

    /// <summary>"3. november 2026"; empty for no date.</summary>
    public static string Dato(object? value) => AsDate(value) is { } d ? DanishFormat.Date(d) : "";

    /// <summary>"tirsdag".</summary>
    public static string Ugedag(object? value) => AsDate(value) is { } d ? DanishFormat.Weekday(d) : "";

    /// <summary>"1.234,50 kr.".</summary>
    public static string Kr(object? value) => value switch
    {
        null => "",
        decimal m => DanishFormat.Amount(m),
        int or long or double or float => DanishFormat.Amount(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        string s when FieldValueParser.ParseNumber(Unescape(s), amount: true) is { } m => DanishFormat.Amount(m),
        _ => throw new ArgumentException($"kr forventer et beløb, men fik '{value}'."),
    };

    /// <summary>Whole years from a birth date to a date.</summary>
    public static int? Alder(object? birth, object? at)
    {
        if (AsDate(birth) is not { } b || AsDate(at) is not { } d)
        {
            return null;
        }
        var years = d.Year - b.Year;
        return d < b.AddYears(years) ? years - 1 : years;
    }

    // Text fields arrive Markdown-escaped; a date typed into one should still work.
    private static string Unescape(string s) => s.Replace("\\", "", StringComparison.Ordinal);

    private static DateOnly? AsDate(object? value) => value switch
    {
        null => null,
        string s when string.IsNullOrWhiteSpace(s) => null,
        string s => FieldValueParser.ParseDate(Unescape(s)) ?? throw new ArgumentException($"Forventede en dato, men fik '{Unescape(s)}'."),
        _ => FieldValueParser.ParseDate(value) ?? throw new ArgumentException($"Forventede en dato, men fik '{value}'."),
    };
}
