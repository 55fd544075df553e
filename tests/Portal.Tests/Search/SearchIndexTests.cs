using Portal.Content;
using Portal.Search;

namespace Portal.Tests.Search;

public class SearchIndexTests
{
    private static readonly LawCatalog s_laws = new(
        [
            new Law("barnets-lov", "Barnets Lov", ["barnets lov"], ["BL"], "/bl", null),
            new Law("serviceloven", "Serviceloven", ["serviceloven", "servicelovens"], ["SEL"], "/sel", null),
        ],
        new Dictionary<string, string> { ["41"] = "86" }, "https://lov.example");

    private static SearchDocument Doc(string slug, string title, string body = "", string[]? tags = null, string[]? headings = null,
        string[]? legal = null, string type = "arbejdsgang", Area area = Area.Children, DateOnly? review = null) => new()
        {
            Slug = slug,
            Title = title,
            Type = type,
            TypeLabel = type,
            Area = area,
            ReviewDate = review ?? new DateOnly(2099, 1, 1),
            Tags = tags ?? [],
            Headings = headings ?? [],
            LegalBasis = legal ?? [],
            Body = body,
        };

    private static readonly SearchDocument[] s_corpus =
    [
        Doc("overgangsresume", "Overgangsresumé fra børne- til voksenområdet", "Resuméet skrives før overdragelsen."),
        Doc("den-gode-overgang", "Den Gode Overgang", "Overgangen til voksenlivet planlægges fra 15 år."),
        Doc("beskrivelse", "Arbejdsgangsbeskrivelse for koordinatorer", "Sådan skrives en beskrivelse af arbejdet."),
        Doc("merudgifter-boern", "Merudgifter – børn", "Kompensationsydelse efter Barnets Lov § 86.", legal: ["Barnets Lov § 86"]),
        Doc("afslag", "Meddelelse af afslag", "Giv afslaget mundtligt før det skriftlige, aldrig op til en weekend.", type: "arbejdsgang"),
        Doc("skift", "Skift af sagsbehandler", "Den nye sagsbehandler ringer til familien.", area: Area.Adults),
        Doc("gammel", "Gammel vejledning om ferie", "Ferie og afløsning.", review: new DateOnly(2020, 1, 1)),
        Doc("script", "Farlig tekst", "Skriv <script>alert(1)</script> ferie i teksten."),
    ];

    private static SearchIndex Index(SynonymSet? synonyms = null) => SearchIndexBuilder.Build(s_corpus, s_laws, synonyms ?? SynonymSet.Empty);

    private static List<string> Slugs(SearchIndex index, string query) => index.Rank(index.Planner.Plan(query)).Select(r => index.Documents[r.Doc].Slug).ToList();

    [Theory]
    [InlineData("overgang", "overgangsresume")]
    [InlineData("overgang", "den-gode-overgang")]
    [InlineData("resumé", "overgangsresume")]
    [InlineData("arbejdsgang", "beskrivelse")]
    public void Compound_PartFindsCompound(string query, string expected)
    {
        Assert.Contains(expected, Slugs(Index(), query).Take(3));
    }

    [Fact]
    public void Compound_UnknownCompoundFindsItsParts()
    {
        Assert.Equal("beskrivelse", Slugs(Index(), "koordinatorbeskrivelse").First());
    }

    [Fact]
    public void Acronym_MentionedOnceInALongBody_StillCounts()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Sagen belyses med borgeren og de pårørende.", 60));
        var corpus = new[]
        {
            Doc("lobpa", "LOBPA – for borgere med BPA", "BPA og hjælperordninger. Nye BPA-borgere lærer at være arbejdsleder.", tags: ["BPA"]),
            Doc("pjece", "Pjece om sagsforløbet", filler + " | Borgerstyret personlig assistance (BPA) | Servicelovens § 96 | " + filler),
            Doc("andet", "Noget helt andet", filler),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, SynonymSet.Empty);

        Assert.Equal(["lobpa", "pjece"], Slugs(index, "BPA"));
    }

    [Fact]
    public void Acronym_AndItsLongForm_FindEachOther()
    {
        var corpus = new[]
        {
            Doc("lang", "Støtte i hverdagen", "Borgerstyret personlig assistance giver borgeren hjælpere, som borgeren selv leder."),
            Doc("kort", "Netværk", "Et netværk for borgere med BPA."),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, new SynonymSet([["BPA", "borgerstyret personlig assistance"]]));

        Assert.Contains("lang", Slugs(index, "BPA"));
        Assert.Contains("kort", Slugs(index, "borgerstyret personlig assistance"));
    }

    [Fact]
    public void Acronym_TypedInCapitals_IsNotExpandedAsAPrefix()
    {
        var corpus = new[]
        {
            Doc("stu", "Uddannelse efter 18", "En særligt tilrettelagt ungdomsuddannelse (STU)."),
            Doc("studie", "Studiestart", "Studiet og studierne og studiestarten."),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, SynonymSet.Empty);

        Assert.Equal(["stu"], Slugs(index, "STU"));
    }

    [Theory]
    [InlineData("handicapbil", "hjaelpemidler")]
    [InlineData("merudgiftsbehov", "merudgifter")]
    [InlineData("aflastningstilbud", "aflastning")]
    [InlineData("hjælpemiddelansøgning", "hjaelpemidler")]
    public void Compound_NeverInTheCorpus_FindsTheDocumentWithItsParts(string query, string expected)
    {
        var corpus = new[]
        {
            Doc("hjaelpemidler", "Tildeling af hjælpemidler", "Et hjælpemiddel til borgere med handicap. Se bil og boligindretning i sammenhæng. Ansøgning om hjælpemiddel."),
            Doc("merudgifter", "Merudgifter", "Borgerens behov for dækning af merudgifter vurderes. Merudgift og behov."),
            Doc("aflastning", "Støttende indsats", "Aflastning er et tilbud til familien."),
            Doc("andet", "Familien", "Om familien og et barn med handicap."),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, SynonymSet.Empty);

        Assert.Equal(expected, Slugs(index, query).First());
    }

    [Theory]
    [InlineData("afslagene")]
    [InlineData("afslg")]
    [InlineData("AFSLAGET")]
    public void Word_InflectedOrMisspelt_FindsDocument(string query)
    {
        Assert.Equal("afslag", Slugs(Index(), query).First());
    }

    [Fact]
    public void Word_AsciiSpelling_FindsDanishSpelling()
    {
        Assert.Equal("overgangsresume", Slugs(Index(), "overgangsresume boernene").First());
    }

    [Fact]
    public void Paragraph_FormerSelNumber_FindsBarnetsLovDocument()
    {
        Assert.Equal("merudgifter-boern", Slugs(Index(), "SEL 41").First());
        Assert.Equal("merudgifter-boern", Slugs(Index(), "§ 86").First());
    }

    [Fact]
    public void Synonym_AppliedAtQueryTime()
    {
        var index = Index(new SynonymSet([["rådgiver", "sagsbehandler"]]));

        Assert.Equal("skift", Slugs(index, "skift af rådgiver").First());
        Assert.DoesNotContain("skift", Slugs(Index(), "rådgiver"));
    }

    [Fact]
    public void Ranking_TitleBeforeLegalBasisAndTagsBeforeHeadingsBeforeBody()
    {
        var corpus = new[]
        {
            Doc("body", "Alpha", "Der står noget om ledsageordning her og der."),
            Doc("heading", "Beta", headings: ["Ledsageordning i praksis"]),
            Doc("tags", "Gamma", tags: ["ledsageordning"]),
            Doc("title", "Ledsageordning – voksne"),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, SynonymSet.Empty);

        Assert.Equal(["title", "tags", "heading", "body"], Slugs(index, "ledsageordning"));
    }

    [Theory]
    [InlineData("hvordan giver jeg afslag", "procedure")]
    [InlineData("sådan giver du afslag", "procedure")]
    [InlineData("afslag", "template")]
    public void Ranking_HowQuestion_PutsTheProcedureAboveTheLetter(string query, string expectedFirst)
    {
        var corpus = new[]
        {
            Doc("template", "Afslag på ledsageordning", "Afslaget er givet mundtligt. Afslag efter § 97.", tags: ["afslag"], type: "afgørelse"),
            Doc("procedure", "Meddelelse af afslag", "Giv afslaget mundtligt før det skriftlige, og forklar hvorfor borgeren får afslag."),
        };
        var index = SearchIndexBuilder.Build(corpus, s_laws, SynonymSet.Empty);

        Assert.Equal(expectedFirst, Slugs(index, query)[0]);
    }

    [Fact]
    public void Search_OverdueDocument_IsMarkedNotHidden()
    {
        var response = Searcher.Search(Index(), new SearchRequest("ferie"), new DateOnly(2026, 11, 23), new ContentOptions());

        Assert.Contains(response.Hits, h => h.Slug == "gammel" && h.Overdue);
        Assert.Contains(response.Hits, h => h.Slug == "script" && !h.Overdue);
    }

    [Fact]
    public void Snippet_MarksMatchedWordsAndEscapesTheRest()
    {
        var response = Searcher.Search(Index(), new SearchRequest("ferie"), new DateOnly(2026, 11, 23), new ContentOptions());

        var snippet = response.Hits.Single(h => h.Slug == "script").SnippetHtml;
        Assert.Contains("<mark>ferie</mark>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.DoesNotContain("<script>", snippet);
    }

    [Fact]
    public void Snippet_MarksInflectionsAndParagraphs()
    {
        var index = Index();
        var afslag = Searcher.Search(index, new SearchRequest("afslag"), DateOnly.MinValue, new ContentOptions()).Hits.First();
        var paragraph = Searcher.Search(index, new SearchRequest("SEL 41"), DateOnly.MinValue, new ContentOptions()).Hits.First();

        Assert.Contains("<mark>afslaget</mark>", afslag.SnippetHtml);
        Assert.Contains("<mark>Barnets Lov § 86</mark>", paragraph.SnippetHtml);
    }

    [Fact]
    public void Search_FiltersAndCountsFacets()
    {
        var all = Searcher.Search(Index(), new SearchRequest("sagsbehandler ferie"), DateOnly.MinValue, new ContentOptions());
        var adults = Searcher.Search(Index(), new SearchRequest("sagsbehandler ferie", Area: Area.Adults), DateOnly.MinValue, new ContentOptions());

        Assert.Equal(all.Total, all.Areas.Sum(a => a.Count));
        Assert.Contains(all.Areas, a => a.Key == "voksen" && a.Count == 1);
        Assert.All(adults.Hits, h => Assert.Equal(Area.Adults, h.Area));
        Assert.Equal(all.Areas, adults.Areas);
    }

    [Fact]
    public void Search_UnknownWord_SuggestsNearestWordAndRelatedDocuments()
    {
        var response = Searcher.Search(Index(), new SearchRequest("sagsbehnadlerr"), DateOnly.MinValue, new ContentOptions());

        Assert.Equal(["sagsbehandler"], response.Suggestions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"*:(-")]
    [InlineData("   ")]
    public void Search_NoWords_ExplainsInDanish(string query)
    {
        var response = Searcher.Search(Index(), new SearchRequest(query), DateOnly.MinValue, new ContentOptions());

        Assert.Empty(response.Hits);
        Assert.Equal(Searcher.NoWordsMessage, response.Message);
    }

    [Theory]
    [InlineData("afslag OR NEAR ferie")]
    [InlineData("'; DROP TABLE Documents; --")]
    [InlineData("\"afslag\" AND (merudgifter*)")]
    public void Search_QuerySyntaxAndSql_AreJustWords(string query)
    {
        var response = Searcher.Search(Index(), new SearchRequest(query), DateOnly.MinValue, new ContentOptions());

        Assert.Null(response.Message);
    }

    [Fact]
    public void Search_VeryLongQuery_IsCutNotRefused()
    {
        var response = Searcher.Search(Index(), new SearchRequest(string.Concat(Enumerable.Repeat("afslag ", 300))), DateOnly.MinValue, new ContentOptions());

        Assert.Equal("afslag", response.Hits.First().Slug);
    }

    [Fact]
    public void Search_SameQuestionSameIndexAndDay_IsAnsweredOnce_ANewDayOrIndexAsksAgain_AndTheCacheIsBounded()
    {
        var index = Index();
        var options = new ContentOptions();
        var day = new DateOnly(2026, 12, 2);
        var request = new SearchRequest("afslag");

        var first = Searcher.Search(index, request, day, options);

        Assert.Same(first, Searcher.Search(index, request with { }, day, options));
        Assert.NotSame(first, Searcher.Search(index, request, day.AddDays(1), options)); // "overskredet" may change overnight
        Assert.NotSame(first, Searcher.Search(Index(), request, day, options)); // a content change builds a new index
        Assert.Equal(first.Hits.Select(h => h.Slug), Searcher.Search(Index(), request, day, options).Hits.Select(h => h.Slug));
        for (var i = 0; i < Searcher.MaxCachedResponses + 10; i++)
        {
            Searcher.Search(index, new SearchRequest("ferie " + i), day, options);
        }
        Assert.InRange(index.Responses.Count, 1, Searcher.MaxCachedResponses);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(500, 1)]
    [InlineData(500, 200)]
    [InlineData(500, 500)]
    [InlineData(5000, 200)]
    public void KthLargest_IsTheValueAnAscendingSortHasThere_WithTiesAndRuns(int count, int k)
    {
        var random = new Random(count * 31 + k);
        foreach (var spread in new[] { 3, 50, 100_000 })
        {
            var values = Enumerable.Range(0, count).Select(_ => (float)random.Next(spread) / 7).ToArray();
            var sorted = values.Order().ToArray();
            Assert.Equal(sorted[^k], SearchIndex.KthLargest(values.ToArray(), k));
            Assert.Equal(sorted[^k], SearchIndex.KthLargest(sorted.ToArray(), k)); // already ascending
            Assert.Equal(sorted[^k], SearchIndex.KthLargest(sorted.Reverse().ToArray(), k)); // descending
        }
    }

    [Fact]
    public void Search_KeptAnswers_StayWithinTheirMemoryBound_AndTheEstimateGrowsWithTheSnippets()
    {
        var index = Index();
        var options = new ContentOptions();
        var day = new DateOnly(2026, 12, 2);
        var some = Searcher.Search(index, new SearchRequest("afslag"), day, options);
        Assert.NotEmpty(some.Hits);
        Assert.True(Searcher.EstimatedBytes(some) > 2 * some.Hits.Sum(h => h.SnippetHtml.Length + h.Title.Length + h.Url.Length));
        Assert.True(Searcher.EstimatedBytes(some) > Searcher.EstimatedBytes(some with { Hits = [] }));

        // Room for about ten answers: the cache starts over rather than grow past it, and keeps answering.
        var perAnswer = Searcher.EstimatedBytes(some);
        index.MaxResponseBytes = 10 * perAnswer;
        for (var i = 0; i < 100; i++)
        {
            Assert.NotEmpty(Searcher.Search(index, new SearchRequest("afslag " + i), day, options).Hits);
            Assert.InRange(index.Responses.Values.Sum(Searcher.EstimatedBytes), 1, index.MaxResponseBytes);
        }
        Assert.InRange(index.Responses.Count, 1, 12);
    }

    [Fact]
    public void AnalysisCache_ARebuildAfterOneChange_AnalysesOnlyThatDocument_AndRanksAsAFreshBuild()
    {
        var cache = new SearchIndexBuilder.AnalysisCache();
        var first = s_corpus.Select(d => d with { ContentHash = "h-" + d.Slug }).ToArray();
        SearchIndexBuilder.Build(first, s_laws, SynonymSet.Empty, cache);
        Assert.Equal(first.Length, cache.LastAnalyzed);

        var changed = first.Select(d => d.Slug == "gammel" ? d with { ContentHash = "h2", Body = "Ferie, afløsning og aflastning efter SEL § 84." } : d).ToArray();
        var cached = SearchIndexBuilder.Build(changed, s_laws, SynonymSet.Empty, cache);
        Assert.Equal(1, cache.LastAnalyzed);

        var fresh = SearchIndexBuilder.Build(changed, s_laws, SynonymSet.Empty);
        foreach (var query in new[] { "aflastning", "ferie", "SEL § 84", "overgang", "afslag" })
        {
            Assert.Equal(fresh.Rank(fresh.Planner.Plan(query)), cached.Rank(cached.Planner.Plan(query)));
        }
        Assert.Equal(["gammel"], Slugs(cached, "aflastning"));

        // Another law catalogue reads the texts differently: everything is analysed again.
        SearchIndexBuilder.Build(changed, LawCatalog.Empty("https://lov.example"), SynonymSet.Empty, cache);
        Assert.Equal(changed.Length, cache.LastAnalyzed);
    }

    [Fact]
    public async Task SearchDocument_HoldsItsPlainBodyAsUtf8_AndAKeptBodyReadsTheSame()
    {
        var snapshot = await Portal.Tests.Infrastructure.FixtureSnapshot.GetAsync();
        var source = snapshot.Documents.First() with { Body = "## Æblerne\n\nSøg **hjælp** hos rådgiveren — “straks”.\n" };

        var fresh = SearchDocument.From(source, snapshot);
        var kept = SearchDocument.From(source, snapshot, fresh.BodyUtf8, fresh.BodyLength);

        Assert.Equal(PlainText.FromMarkdown(source.Body), fresh.Body);
        Assert.Equal(fresh.Body.Length, fresh.BodyLength);
        Assert.True(fresh.BodyUtf8.Length < 2 * fresh.Body.Length);
        Assert.Equal(fresh.Body, kept.Body);
        Assert.Equal(fresh.BodyLength, kept.BodyLength);
        Assert.Same(fresh.BodyUtf8, kept.BodyUtf8);
        Assert.Equal("Andet", (fresh with { Body = "Andet" }).Body);
        Assert.Equal(5, (fresh with { Body = "Andet" }).BodyLength);
    }
}
