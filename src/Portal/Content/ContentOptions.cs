namespace Portal.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>Folder holding tovholdere.yml, arbejdsgange/ and skabeloner/. Relative paths are resolved from the app's content root, then its parents.</summary>
    public string RootPath { get; set; } = "content";

    /// <summary>Files larger than this are refused at import with a clear message.</summary>
    public int MaxFileBytes { get; set; } = 1_000_000;

    /// <summary>Days before the review date when a document counts as "revideres snart".</summary>
    public int ReviewSoonDays { get; set; } = 30;

    /// <summary>Hosts besides the portal itself that document images may load from; empty: only the portal and data: images.</summary>
    public string[] AllowedImageHosts { get; set; } = [];

    /// <summary>Watch the content folder and re-import on change.</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>Known document types (front matter key "type") and their Danish labels.</summary>
    public Dictionary<string, string> DocumentTypes { get; set; } = new()
    {
        ["arbejdsgang"] = "Arbejdsgang",
        ["tjekliste"] = "Tjekliste",
        ["tilbud"] = "Tilbud uden visitation",
        ["vejledning"] = "Vejledning",
        ["pjece"] = "Pjece til borgere",
        ["dagsorden"] = "Dagsorden",
        ["funktionsbeskrivelse"] = "Funktionsbeskrivelse",
        ["afgørelse"] = "Afgørelsesskabelon",
        ["brev"] = "Brevskabelon",
        ["frase"] = "Frase",
    };

    /// <summary>
    /// Memory for document HTML held between requests (least recently read goes first). Bodies not held are read from
    /// the persisted parse cache, so this bounds memory, not what can be served.
    /// </summary>
    public int HtmlCacheMegabytes { get; set; } = 64;

    /// <summary>Top-level folders under the root that are imported as documents.</summary>
    public string[] DocumentFolders { get; set; } = ["arbejdsgange", "skabeloner"];

    /// <summary>
    /// The settings a parse depends on, as text for the parse cache's stamp. Not whether files are watched or how much
    /// HTML is held: turning the watcher off on a second node must not make its restart parse the whole library again.
    /// </summary>
    public string ParseSettings() => System.Text.Json.JsonSerializer.Serialize(
        new { RootPath, MaxFileBytes, ReviewSoonDays, AllowedImageHosts, DocumentTypes, DocumentFolders });
}

public sealed class LawPortalOptions
{
    public const string Section = "LawPortal";

    /// <summary>Base URL of the law portal; each law's path in love.yml is appended.</summary>
    public string BaseUrl { get; set; } = "https://www.retsinformation.dk";
}
