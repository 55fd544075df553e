using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Portal.Letters;

/// <summary>
/// Reads a JSON string value even when it holds a lone surrogate escape (\uD800), which System.Text.Json refuses
/// with an exception: the text is decoded as sent, so the field check can name the character instead of a 500.
/// </summary>
public static class JsonText
{
    public static string? GetString(JsonElement element)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException) when (element.ValueKind == JsonValueKind.String)
        {
            return Unescape(element.GetRawText());
        }
    }

    private static string Unescape(string raw)
    {
        var text = raw.AsSpan(1, raw.Length - 2);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }
            var escape = text[++i];
            switch (escape)
            {
                case 'u' when i + 4 < text.Length && int.TryParse(text.Slice(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    i += 4;
                    break;
                case 'b':
                    builder.Append('\b');
                    break;
                case 'f':
                    builder.Append('\f');
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                default:
                    builder.Append(escape);
                    break;
            }
        }
        return builder.ToString();
    }
}
