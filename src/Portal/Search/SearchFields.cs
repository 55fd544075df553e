namespace Portal.Search;

/// <summary>The fields of a document the index weighs differently: title above lovgrundlag and tags above headings above body.</summary>
public enum SearchField
{
    Title,
    LegalBasis,
    Tags,
    Summary,
    Headings,
    Meta,
    Body,
}

/// <summary>Field weights and BM25 constants in one place so ranking is tuned here only.</summary>
public static class Ranking
{
    public const int FieldCount = 7;

    /// <summary>Weight per field, in SearchField order.</summary>
    public static readonly float[] FieldWeights = [10f, 5f, 5f, 3f, 2.5f, 1.5f, 1f];

    /// <summary>Length normalisation per field: short fields barely, the body fully.</summary>
    public static readonly float[] LengthNormalization = [0.3f, 0.3f, 0.3f, 0.5f, 0.5f, 0.3f, 0.75f];

    public const float K1 = 1.2f;

    /// <summary>A compound's parts count less than the word itself: "overgang" in "overgangsresumé".</summary>
    public const float PartFactor = 0.5f;

    public const float PrefixWeight = 0.6f;
    public const float FuzzyWeight = 0.8f;
    public const float SynonymWeight = 0.9f;
    public const float SplitWeight = 0.8f;

    /// <summary>Boost for procedures, guides and checklists when the query asks "hvordan": the letter comes after the how.</summary>
    public const float HowToFactor = 1.5f;
}
