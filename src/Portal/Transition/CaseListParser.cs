using Portal.Content;

namespace Portal.Transition;

/// <summary>One young person from the list: case number, date of birth and, optionally, when the municipality became handlekommune.</summary>
public sealed record CaseRow(int Line, string CaseNumber, DateOnly DateOfBirth, DateOnly? Arrival);

/// <summary>A Danish message about the input; Line 0 means the whole file.</summary>
public sealed record CaseListMessage(int Line, string Text)
{
    public override string ToString() => Line > 0 ? $"Linje {Line}: {Text}" : Text;
}

public sealed record CaseListParseResult(
    IReadOnlyList<CaseRow> Rows,
    IReadOnlyList<CaseListMessage> Errors,
    int ErrorCount,
    IReadOnlyList<CaseListMessage> Warnings,
    IReadOnlyList<string> Notes,
    string? FatalError)
{
    public static CaseListParseResult Fatal(string message, IReadOnlyList<string>? notes = null) => new([], [], 0, [], notes ?? [], message);
}

/// <summary>
/// Reads a pasted or uploaded list of case numbers and dates of birth. Detects ; , and tab, finds the columns by
/// their headings, and reports every bad line by number in Danish. Nothing is kept after the call.
/// </summary>
public sealed class CaseListParser(TransitionRules rules, int maxRows, int maxMessages = 200)
{
    private const int MaxCaseNumberLength = 50;

    public CaseListParseResult Parse(ReadOnlySpan<byte> bytes, DateOnly today)
    {
        var decoded = TextDecoding.Decode(bytes);
        if (decoded.Error is not null)
        {
            return CaseListParseResult.Fatal(decoded.Error);
        }
        var result = Parse(decoded.Text, today);
        return decoded.Note is null ? result : result with { Notes = [decoded.Note, .. result.Notes] };
    }

    public CaseListParseResult Parse(string text, DateOnly today)
    {
        var lines = SplitLines(text);
        var notes = new List<string>();
        var first = lines.FindIndex(l => !IsBlank(text.AsSpan(l.Start, l.Length)));
        if (first < 0)
        {
            return CaseListParseResult.Fatal("Listen er tom. Indsæt eller upload linjer med sagsnummer og fødselsdato.");
        }
        char? forced = null;
        var firstLine = text.AsSpan(lines[first].Start, lines[first].Length).Trim();
        if (firstLine.Length == 5 && firstLine.StartsWith("sep=", StringComparison.OrdinalIgnoreCase))
        {
            forced = firstLine[4];
            first = lines.FindIndex(first + 1, l => !IsBlank(text.AsSpan(l.Start, l.Length)));
            if (first < 0)
            {
                return CaseListParseResult.Fatal("Listen er tom. Indsæt eller upload linjer med sagsnummer og fødselsdato.");
            }
        }
        if (lines.Count - first > maxRows + 1)
        {
            return CaseListParseResult.Fatal($"Listen har mere end {maxRows.ToString("N0", DanishFormat.Culture)} linjer. Del den op i mindre lister.");
        }

        var fields = new List<CsvLine.Field>();
        var delimiter = forced ?? DetectDelimiter(text, lines, first, fields);
        var header = text.AsSpan(lines[first].Start, lines[first].Length);
        if (delimiter is not { } d)
        {
            return CaseListParseResult.Fatal(NoDelimiterMessage(header));
        }
        notes.Add($"Skilletegn: {DelimiterName(d)}.");
        CsvLine.Split(header, d, fields);
        var headings = new List<string>(fields.Count);
        foreach (var field in fields)
        {
            headings.Add(CsvLine.Text(header, field));
        }
        var columns = CaseListColumns.Find(headings, notes);
        if (columns.Error is not null)
        {
            return CaseListParseResult.Fatal(columns.Error, notes);
        }
        var state = new ParseState(maxMessages);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = columns.HasHeader ? first + 1 : first; i < lines.Count; i++)
        {
            var line = text.AsSpan(lines[i].Start, lines[i].Length);
            if (IsBlank(line))
            {
                continue;
            }
            var row = ParseRow(line, i + 1, d, columns, fields, state, today);
            if (row is null)
            {
                continue;
            }
            if (seen.TryGetValue(row.CaseNumber, out var earlier))
            {
                state.Warn(i + 1, $"Sagsnummer {row.CaseNumber} står også på linje {earlier}. Linjen er sprunget over.");
                continue;
            }
            seen[row.CaseNumber] = i + 1;
            state.Rows.Add(row);
        }
        if (state.Rows.Count == 0 && state.ErrorCount == 0)
        {
            return CaseListParseResult.Fatal("Listen har ingen linjer med data under overskrifterne.", notes);
        }
        return new CaseListParseResult(state.Rows, state.Errors, state.ErrorCount, state.Warnings, notes, null);
    }

    private CaseRow? ParseRow(ReadOnlySpan<char> line, int lineNumber, char delimiter, CaseListColumns columns, List<CsvLine.Field> fields, ParseState state, DateOnly today)
    {
        var closed = CsvLine.Split(line, delimiter, fields);
        if (AllBlank(line, fields))
        {
            return null;
        }
        if (!closed)
        {
            return state.Fail(lineNumber, "Et anførselstegn (\") er ikke afsluttet.");
        }
        if (fields.Count <= Math.Max(columns.CaseNumber, columns.DateOfBirth))
        {
            return state.Fail(lineNumber, $"Fødselsdatoen mangler (linjen har kun {DanishFormat.Count(fields.Count, "kolonne", "kolonner")}). Tjek skilletegnet.");
        }
        var caseNumber = CsvLine.Text(line, fields[columns.CaseNumber]);
        if (caseNumber.Length == 0)
        {
            return state.Fail(lineNumber, "Sagsnummeret mangler.");
        }
        if (caseNumber.Length > MaxCaseNumberLength || caseNumber.Any(char.IsControl))
        {
            return state.Fail(lineNumber, $"Sagsnummeret er ugyldigt (højst {MaxCaseNumberLength} tegn, ingen kontroltegn).");
        }
        if (LooksLikeCpr(caseNumber))
        {
            return state.Fail(lineNumber, "Sagsnummeret ligner et CPR-nummer og er ikke brugt. Brug sagsnummeret, ikke CPR-nummeret.");
        }
        var dobText = fields[columns.DateOfBirth].Quoted ? CsvLine.Text(line, fields[columns.DateOfBirth]).AsSpan() : CsvLine.Span(line, fields[columns.DateOfBirth]);
        if (!DanishDateParser.TryParse(dobText, out var dob, out var error))
        {
            return state.Fail(lineNumber, "Fødselsdato: " + error);
        }
        if (TransitionRules.ValidateDateOfBirth(dob, today) is { } dobError)
        {
            return state.Fail(lineNumber, dobError);
        }
        DateOnly? arrival = null;
        if (columns.Arrival is { } a && a < fields.Count && !CsvLine.Span(line, fields[a]).IsEmpty)
        {
            if (!DanishDateParser.TryParse(CsvLine.Text(line, fields[a]), out var arrivalDate, out var arrivalError))
            {
                return state.Fail(lineNumber, "Tilflytning: " + arrivalError);
            }
            if (rules.ValidateArrival(dob, arrivalDate) is { } arrivalMessage)
            {
                return state.Fail(lineNumber, arrivalMessage);
            }
            arrival = arrivalDate;
        }
        return new CaseRow(lineNumber, caseNumber, dob, arrival);
    }

    private static char? DetectDelimiter(string text, List<(int Start, int Length)> lines, int first, List<CsvLine.Field> buffer)
    {
        var sample = new List<(int Start, int Length)>();
        for (var i = first; i < lines.Count && sample.Count < 20; i++)
        {
            if (!IsBlank(text.AsSpan(lines[i].Start, lines[i].Length)))
            {
                sample.Add(lines[i]);
            }
        }
        char? best = null;
        var bestScore = 0;
        foreach (var candidate in (ReadOnlySpan<char>)[';', '\t', ','])
        {
            var headerCount = CsvLine.Count(text.AsSpan(sample[0].Start, sample[0].Length), candidate, buffer);
            if (headerCount < 2)
            {
                continue;
            }
            var score = 0;
            foreach (var line in sample)
            {
                if (CsvLine.Count(text.AsSpan(line.Start, line.Length), candidate, buffer) == headerCount)
                {
                    score++;
                }
            }
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }
        return best;
    }

    private static string NoDelimiterMessage(ReadOnlySpan<char> header)
    {
        foreach (var other in (ReadOnlySpan<char>)['|', ':'])
        {
            if (header.Contains(other))
            {
                return $"Listen bruger '{other}' som skilletegn. Brug semikolon (;), komma (,) eller tabulator mellem sagsnummer og fødselsdato.";
            }
        }
        return "Listen har kun én kolonne. Skriv sagsnummer og fødselsdato på hver linje, adskilt af semikolon (;), komma (,) eller tabulator, fx: 2026-1234;03-04-2010.";
    }

    private static string DelimiterName(char d) => d switch
    {
        ';' => "semikolon (;)",
        ',' => "komma (,)",
        '\t' => "tabulator",
        _ => $"'{d}'",
    };

    internal static bool LooksLikeCpr(string value) => Privacy.CprDetector.IsCpr(value);

    private static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    private static bool AllBlank(ReadOnlySpan<char> line, List<CsvLine.Field> fields)
    {
        foreach (var f in fields)
        {
            if (!line.Slice(f.Start, f.Length).IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }

    private static List<(int Start, int Length)> SplitLines(string text)
    {
        var lines = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '\n' or '\r')
            {
                lines.Add((start, i - start));
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add((start, text.Length - start));
        }
        return lines;
    }

    private sealed class ParseState(int maxMessages)
    {
        public List<CaseRow> Rows { get; } = [];
        public List<CaseListMessage> Errors { get; } = [];
        public List<CaseListMessage> Warnings { get; } = [];
        public int ErrorCount { get; private set; }

        public CaseRow? Fail(int line, string message)
        {
            ErrorCount++;
            if (Errors.Count < maxMessages)
            {
                Errors.Add(new CaseListMessage(line, message));
            }
            return null;
        }

        public void Warn(int line, string message)
        {
            if (Warnings.Count < maxMessages)
            {
                Warnings.Add(new CaseListMessage(line, message));
            }
        }
    }
}
