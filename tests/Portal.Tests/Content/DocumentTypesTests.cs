using Portal.Content;

namespace Portal.Tests.Content;

/// <summary>A document's type is decided in one place, so the parser and the review cycle agree.</summary>
public class DocumentTypesTests
{
    [Theory]
    [InlineData("skabeloner/breve/indkaldelse", "---\ntitel: X\n---\n", DocumentTypes.Letter)]
    [InlineData("arbejdsgange/01-opstart/noget", "---\ntitel: X\n---\n", DocumentTypes.Guide)]
    [InlineData("skabeloner/afgoerelser/afslag", "---\ntype: Afgørelse\n---\n", DocumentTypes.Decision)]
    public void Of_UsesTheFrontMatterTypeOrTheFolderDefault(string slug, string text, string expected)
    {
        var frontMatter = FrontMatterReader.Read(text, slug + ".md").FrontMatter!;

        Assert.Equal(expected, DocumentTypes.Of(frontMatter, slug));
    }
}
