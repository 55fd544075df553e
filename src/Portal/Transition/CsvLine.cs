namespace Portal.Transition;

/// <summary>Splits one CSV line into fields (RFC 4180 quotes: "a;b" and "" inside quotes) without allocating per field.</summary>
public static class CsvLine
{
    public readonly record struct Field(int Start, int Length, bool Quoted);

    /// <summary>Fills <paramref name="fields"/>; returns false when a quote is never closed.</summary>
    public static bool Split(ReadOnlySpan<char> line, char delimiter, List<Field> fields)
    {
        fields.Clear();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] == ' ')
            {
                i++;
            }
            if (i < line.Length && line[i] == '"')
            {
                var start = i + 1;
                var j = start;
                while (true)
                {
                    var close = line[j..].IndexOf('"');
                    if (close < 0)
                    {
                        fields.Add(new Field(start, line.Length - start, true));
                        return false;
                    }
                    j += close;
                    if (j + 1 < line.Length && line[j + 1] == '"')
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                fields.Add(new Field(start, j - start, true));
                var next = line[(j + 1)..].IndexOf(delimiter);
                if (next < 0)
                {
                    return true;
                }
                i = j + 1 + next + 1;
            }
            else
            {
                var next = line[i..].IndexOf(delimiter);
                if (next < 0)
                {
                    fields.Add(new Field(i, line.Length - i, false));
                    return true;
                }
                fields.Add(new Field(i, next, false));
                i += next + 1;
            }
        }
    }

    /// <summary>A field's text, trimmed, with doubled quotes undone.</summary>
    public static string Text(ReadOnlySpan<char> line, Field field)
    {
        var span = line.Slice(field.Start, field.Length);
        return field.Quoted ? span.ToString().Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : span.Trim().ToString();
    }

    public static ReadOnlySpan<char> Span(ReadOnlySpan<char> line, Field field) => line.Slice(field.Start, field.Length).Trim();

    /// <summary>Counts fields for delimiter detection; quotes are respected.</summary>
    public static int Count(ReadOnlySpan<char> line, char delimiter, List<Field> buffer)
    {
        Split(line, delimiter, buffer);
        return buffer.Count;
    }
}
