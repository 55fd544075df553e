using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Portal.Content;
using Portal.Search;

namespace Portal.SearchBenchmarks;

/// <summary>
/// Lucene.Net 4.8 with a Danish chain (standard tokenizer, lower case, æ/ø/å folding, Danish stop words, Snowball
/// Danish stemmer), BM25, per-field boosts, fuzzy queries for typos and prefix queries for compound heads.
/// </summary>
public sealed class LuceneEngine : ISearchEngine, IDisposable
{
    private static readonly LuceneVersion s_version = LuceneVersion.LUCENE_48;
    private static readonly (string Field, float Boost)[] s_fields = [("title", 10f), ("legal", 5f), ("tags", 5f), ("summary", 3f), ("headings", 2.5f), ("meta", 1.5f), ("body", 1f)];
    private readonly Analyzer _analyzer = new DanishFoldingAnalyzer();
    private RAMDirectory? _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => "Lucene.Net 4.8 (dansk analyse, BM25, fuzzy)";

    public void Build(IReadOnlyList<SearchDocument> documents, LawCatalog laws, SynonymSet synonyms)
    {
        Dispose();
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(s_version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 256 };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var d in documents)
            {
                var doc = new Document
                {
                    new StringField("slug", d.Slug, Field.Store.YES),
                    new TextField("title", d.Title, Field.Store.NO),
                    new TextField("legal", string.Join('\n', d.LegalBasis), Field.Store.NO),
                    new TextField("tags", string.Join('\n', d.Tags), Field.Store.NO),
                    new TextField("summary", d.Summary ?? "", Field.Store.NO),
                    new TextField("headings", string.Join('\n', d.Headings), Field.Store.NO),
                    new TextField("meta", string.Join('\n', d.Meta), Field.Store.NO),
                    new TextField("body", d.Body, Field.Store.NO),
                };
                writer.AddDocument(doc);
            }
            writer.Commit();
        }
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<string> Search(string query, int take)
    {
        var terms = Analyze(query);
        if (terms.Count == 0 || _searcher is null)
        {
            return [];
        }
        var boolean = new BooleanQuery();
        foreach (var (term, raw) in terms.Take(16))
        {
            var clause = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in s_fields)
            {
                clause.Add(new TermQuery(new Term(field, term)) { Boost = boost });
                if (raw.Length >= 5)
                {
                    clause.Add(new FuzzyQuery(new Term(field, term), 1, 1) { Boost = boost * 0.8f });
                }
                if (raw.Length >= 4)
                {
                    clause.Add(new PrefixQuery(new Term(field, term)) { Boost = boost * 0.6f });
                }
            }
            boolean.Add(clause, Occur.SHOULD);
        }
        var hits = _searcher.Search(boolean, take).ScoreDocs;
        return hits.Select(h => _searcher.Doc(h.Doc).Get("slug")).ToList();
    }

    private List<(string Term, string Raw)> Analyze(string text)
    {
        var result = new List<(string, string)>();
        using var stream = _analyzer.GetTokenStream("body", text);
        var attribute = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var term = attribute.ToString();
            result.Add((term, term));
        }
        stream.End();
        return result;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _directory?.Dispose();
        _reader = null;
        _directory = null;
    }

    /// <summary>Standard tokenizer → lower case → æ/ø/å to ae/oe/aa → Danish stop words → Snowball Danish.</summary>
    private sealed class DanishFoldingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(s_version, reader);
            TokenStream stream = new LowerCaseFilter(s_version, source);
            stream = new StopFilter(s_version, stream, DanishAnalyzer.DefaultStopSet);
            stream = new FoldFilter(stream);
            stream = new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DanishStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }

    private sealed class FoldFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }
            var folded = DanishText.Normalize(_term.ToString());
            _term.SetEmpty().Append(folded);
            return true;
        }
    }
}
