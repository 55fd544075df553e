using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>
/// Generates a large corpus of realistic documents from the real ones: each generated document takes a real
/// document's shape (type, area, headings, length) and fills it with sentences, titles and tags drawn from the library.
/// </summary>
public static class CorpusGenerator
{
    public static List<SearchDocument> Generate(IReadOnlyList<SearchDocument> real, int count, int seed = 42)
    {
        var random = new Random(seed);
        var lines = real.SelectMany(d => d.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var titleWords = real.SelectMany(d => d.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var tags = real.SelectMany(d => d.Tags).ToArray();
        var result = new List<SearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            var shape = real[random.Next(real.Count)];
            var targetLength = (int)(shape.Body.Length * (0.7 + random.NextDouble() * 0.6));
            var body = new System.Text.StringBuilder(targetLength + 200);
            while (body.Length < targetLength)
            {
                body.Append(lines[random.Next(lines.Length)]).Append('\n');
            }
            var title = string.Join(' ', Enumerable.Range(0, 3 + random.Next(5)).Select(_ => titleWords[random.Next(titleWords.Length)]));
            result.Add(shape with
            {
                Slug = $"genereret/{i:00000}",
                Title = title,
                Tags = Enumerable.Range(0, 3 + random.Next(6)).Select(_ => tags[random.Next(tags.Length)]).Distinct().ToList(),
                Summary = lines[random.Next(lines.Length)],
                LegalBasis = real[random.Next(real.Count)].LegalBasis,
                Body = body.ToString(),
            });
        }
        return result;
    }
}
