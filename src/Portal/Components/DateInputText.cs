using Portal.Transition;

namespace Portal.Components;

/// <summary>What is wrong with a date typed into a date field, in Danish (null when it is a date or empty); the parsing is <see cref="DanishDateParser"/>'s.</summary>
public static class DateInputText
{
    public const string Hint = "Skriv datoen som dd-mm-åååå, fx 03-11-2026, eller vælg den i kalenderen.";

    public static string? Problem(string? text) =>
        string.IsNullOrWhiteSpace(text) || DanishDateParser.TryParse(text, out _, out var error) ? null : error;
}
