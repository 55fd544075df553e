using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Components;

/// <summary>MudBlazor's own messages in Danish, so no English validation text reaches a caseworker.</summary>
public sealed class DanishMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> s_texts = new(StringComparer.Ordinal)
    {
        ["MudFormComponent_Required"] = "Skal udfyldes.",
        ["Converter_InvalidDateTime"] = DateInputText.Hint,
        ["Converter_InvalidNumber"] = "Skriv et tal, fx 12 eller 7,5.",
        ["Converter_InvalidBoolean"] = "Vælg ja eller nej.",
        ["Converter_InvalidTimeSpan"] = "Skriv et klokkeslæt, fx 14.30.",
        ["Converter_InvalidGUID"] = "Værdien kan ikke læses.",
        ["Converter_NotValueOf"] = "Vælg en af mulighederne.",
        ["Converter_InvalidType"] = "Værdien kan ikke læses.",
        ["Converter_ConversionError"] = "Værdien kan ikke læses.",
        ["Converter_ConversionFailed"] = "Værdien kan ikke læses.",
        ["Converter_UnableToConvert"] = "Værdien kan ikke læses.",
        ["Converter_ConversionNotImplemented"] = "Værdien kan ikke læses.",
    };

    public override LocalizedString this[string key] =>
        s_texts.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] => this[key];
}
