using System.Text;

namespace Portal.Transition;

/// <summary>An uploaded file's text, with a Danish note when it was not UTF-8.</summary>
public sealed record DecodedText(string Text, string? Note, string? Error);

/// <summary>Decodes an uploaded CSV: UTF-8 (strict), UTF-16 with a byte-order mark, else Windows-1252 with a note.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return new DecodedText("", null, "Filen er en Excel-projektmappe (.xlsx), ikke en CSV-fil. Gem den i Excel som \"CSV (semikolonsepareret)\", og prøv igen.");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(Encoding.Unicode.GetString(bytes[2..]), "Filen var gemt som Unicode-tekst (UTF-16) og er læst som sådan.", null);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(Encoding.BigEndianUnicode.GetString(bytes[2..]), "Filen var gemt som Unicode-tekst (UTF-16) og er læst som sådan.", null);
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            return new DecodedText("", null, "Filen ligner ikke en tekstfil. Upload en CSV-fil med sagsnummer og fødselsdato.");
        }
        return Utf8(bytes);
    }

    private static DecodedText Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new DecodedText(s_strictUtf8.GetString(bytes), null, null);
        }
        catch (DecoderFallbackException)
        {
            var text = Encoding.GetEncoding(1252).GetString(bytes);
            return new DecodedText(text, "Filen var ikke gemt som UTF-8. Den er læst som Windows-1252 (vesteuropæisk, Latin-1). Tjek, at æ, ø og å ser rigtige ud.", null);
        }
    }
}
