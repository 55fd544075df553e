using System.Globalization;
using System.Text.Json;

namespace Portal.Letters;

/// <summary>The letter form as JSON for the tab's sessionStorage: typed values, recipients and send date.</summary>
public sealed record LetterDraft(Dictionary<string, JsonElement> Values, List<RecipientInput> Recipients, string? SendDate)
{
    public static string From(LetterFormState state) => JsonSerializer.Serialize(new LetterDraft(
        state.Values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : v.Value)),
        state.Recipients,
        state.SendDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>Puts a stored draft back into the form; a draft that no longer fits (broken JSON) changes nothing.</summary>
    public static bool TryRestore(LetterFormState state, string json)
    {
        LetterDraft? draft;
        try
        {
            draft = JsonSerializer.Deserialize<LetterDraft>(json);
        }
        catch (JsonException)
        {
            return false;
        }
        if (draft is null)
        {
            return false;
        }
        state.Fill(draft.Values.Where(v => v.Value.ValueKind != JsonValueKind.Null).ToDictionary(v => v.Key, v => (object?)v.Value));
        if (draft.Recipients.Count > 0)
        {
            state.Recipients.Clear();
            state.Recipients.AddRange(draft.Recipients);
        }
        if (DateOnly.TryParseExact(draft.SendDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var send))
        {
            state.SendDate = send.ToDateTime(TimeOnly.MinValue);
        }
        return true;
    }
}
