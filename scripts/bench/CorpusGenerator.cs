#:property TreatWarningsAsErrors=false
// Generates a library of N documents that looks like the shipped one: front matter, titles, headings, paragraphs,
// tables and lists are drawn from content/arbejdsgange, so word frequencies, lengths and search hits are realistic.
// Usage: dotnet run scripts/bench/CorpusGenerator.cs -- <content-dir> <target-dir> <count> [seed]
using System.Text;
using System.Text.RegularExpressions;

var source = args[0];
var target = args[1];
var count = int.Parse(args[2]);
var random = new Random(args.Length > 3 ? int.Parse(args[3]) : 13);

CopyDirectory(source, target);
var shipped = Directory.EnumerateFiles(Path.Combine(source, "arbejdsgange"), "*.md", SearchOption.AllDirectories)
    .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
    .Select(f => Parse(f, File.ReadAllText(f)))
    .Where(d => d is not null)
    .Select(d => d!)
    .ToList();
var sections = shipped.SelectMany(d => d.Sections).ToList();
var titleWords = shipped.Select(d => d.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
var links = new Regex(@"!?\[([^\]]*)\]\([^)]*\)", RegexOptions.Compiled);

for (var i = 0; i < count; i++)
{
    var model = shipped[random.Next(shipped.Count)];
    var title = Title(i);
    var body = new StringBuilder();
    // As long as a real document of the same kind, give or take a half.
    var length = (int)(model.Body.Length * (0.5 + random.NextDouble()));
    while (body.Length < length)
    {
        body.Append(links.Replace(sections[random.Next(sections.Count)], "$1")).Append("\n\n");
    }
    var frontMatter = Regex.Replace(model.FrontMatter, @"(?m)^titel:.*$", "titel: \"" + title.Replace("\"", "", StringComparison.Ordinal) + "\"");
    var folder = Path.Combine(target, Path.GetDirectoryName(Path.GetRelativePath(source, model.Path))!);
    File.WriteAllText(Path.Combine(folder, $"genereret-{i:D5}.md"), $"---\n{frontMatter}\n---\n\n{body}");
}
Console.WriteLine($"{count} dokumenter skrevet til {target} ud fra {shipped.Count} dokumenter og {sections.Count} afsnit");

string Title(int i)
{
    var a = titleWords[random.Next(titleWords.Count)];
    var b = titleWords[random.Next(titleWords.Count)];
    var head = string.Join(' ', a.Take(Math.Max(1, a.Length / 2)));
    var tail = string.Join(' ', b.Skip(b.Length / 2));
    return $"{head} {tail} ({i + 1})";
}

static Doc? Parse(string path, string text)
{
    var match = Regex.Match(text, @"\A---\n(.*?)\n---\n(.*)\z", RegexOptions.Singleline);
    if (!match.Success)
    {
        return null;
    }
    var frontMatter = match.Groups[1].Value;
    var title = Regex.Match(frontMatter, @"(?m)^titel:\s*(.+)$").Groups[1].Value.Trim().Trim('"', '\'');
    var body = match.Groups[2].Value;
    // Sections start at a level-2 heading, so generated documents keep a table of contents.
    var sections = Regex.Split(body, @"(?m)^(?=## )").Where(s => s.StartsWith("## ", StringComparison.Ordinal)).Select(s => s.Trim()).ToList();
    return new Doc(path, frontMatter, title, body, sections);
}

static void CopyDirectory(string from, string to)
{
    foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
    {
        var destination = Path.Combine(to, Path.GetRelativePath(from, file));
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(file, destination, overwrite: true);
    }
}

record Doc(string Path, string FrontMatter, string Title, string Body, List<string> Sections);
