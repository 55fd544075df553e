using System.Text.Json;

namespace Portal.Letters;

/// <summary>
/// Reads the render API's JSON: { "fields": {...}, "sendDate": "2026-11-24", "recipients": [{ "navn", "rolle", "adresse" }] }.
/// Without "fields", the other top-level keys are the field values (field names never clash with sendDate/recipients).
/// </summary>
public static class RenderRequestReader
{
    public static (LetterRequest? Request, IReadOnlyList<FieldError> Errors) Read(JsonElement root, DateOnly today)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, [new FieldError(null, "Forespørgslen skal være et JSON-objekt, fx { \"fields\": { ... } }.")]);
        }
        var fields = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("fields", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError("fields", "'fields' skal være et objekt med feltnavne og værdier."));
            }
            else
            {
                foreach (var p in given.EnumerateObject())
                {
                    fields[p.Name] = p.Value.Clone();
                }
            }
        }
        else
        {
            foreach (var p in root.EnumerateObject().Where(p => p.Name is not ("sendDate" or "recipients")))
            {
                fields[p.Name] = p.Value.Clone();
            }
        }

        var sendDate = today;
        if (root.TryGetProperty("sendDate", out var date) && date.ValueKind != JsonValueKind.Null)
        {
            if (date.ValueKind == JsonValueKind.String && FieldValueParser.ParseDate(JsonText.GetString(date)) is { } parsed)
            {
                sendDate = parsed;
            }
            else
            {
                errors.Add(new FieldError("sendDate", "'sendDate' skal være en dato som 2026-11-24."));
            }
        }

        var recipients = new List<Recipient>();
        if (root.TryGetProperty("recipients", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError("recipients", "'recipients' skal være en liste af modtagere med navn, rolle og adresse."));
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (ReadRecipient(item, index++, errors) is { } recipient)
                    {
                        recipients.Add(recipient);
                    }
                }
            }
        }
        return errors.Count > 0 ? (null, errors) : (new LetterRequest(fields, sendDate, recipients), errors);
    }

    private static Recipient? ReadRecipient(JsonElement item, int index, List<FieldError> errors)
    {
        var at = $"recipients[{index}]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(at, $"Modtager {index + 1} skal være et objekt med navn, rolle og adresse."));
            return null;
        }
        var name = Text(item, "navn", "name");
        var roleText = Text(item, "rolle", "role");
        var address = Text(item, "adresse", "address") ?? "";
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new FieldError(at + ".navn", $"Modtager {index + 1} mangler et navn."));
        }
        var role = RecipientRole.Citizen;
        if (roleText is not null && !RecipientRoles.TryParse(roleText, out role))
        {
            errors.Add(new FieldError(at + ".rolle", $"Ukendt rolle '{roleText}' for modtager {index + 1}. Brug borger, forældremyndighedsindehaver, værge eller partsrepræsentant."));
        }
        return string.IsNullOrWhiteSpace(name) ? null : new Recipient(name.Trim(), role, address.Trim());
    }

    private static string? Text(JsonElement item, string danish, string english) =>
        item.TryGetProperty(danish, out var v) || item.TryGetProperty(english, out v)
            ? v.ValueKind == JsonValueKind.String ? JsonText.GetString(v) : v.ValueKind == JsonValueKind.Null ? null : v.GetRawText()
            : null;
}
