using Portal.Checklists;
using Portal.Content;

namespace Portal.Tests.Checklists;

public class ChecklistParserTests
{
    private static readonly MarkdownRenderer s_renderer = new(new HtmlSafety());

    private static ChecklistDefinition Parse(string markdown) => ChecklistParser.Parse("arbejdsgange/x/tjek", "Tjek", 3, markdown, s_renderer.Pipeline);

    [Fact]
    public void Parse_GroupsTaskItemsUnderTheirHeadings_AndIgnoresOtherText()
    {
        var definition = Parse("""
            Indledning med en [henvisning](a.md).

            - [ ] Uden overskrift

            ## Før mødet

            - [ ] Send pjecen: [børn](../10/pjece.md) eller **voksne**
            - [x] Book lokale
            - Almindeligt punkt uden boks

            ### Under mødet
            1. [ ] Nummereret punkt
               - [ ] Underpunkt
            """);

        Assert.Equal([null, "Før mødet", "Under mødet"], definition.Sections.Select(s => s.Heading));
        Assert.Equal(["Send pjecen: børn eller voksne", "Book lokale"], definition.Sections[1].Items.Select(i => i.Text));
        Assert.Equal(["Nummereret punkt", "Underpunkt"], definition.Sections[2].Items.Select(i => i.Text));
        Assert.Equal([0, 1], definition.Sections[2].Items.Select(i => i.Depth));
        Assert.Equal(5, definition.Count);
        Assert.Equal(3, definition.Version);
    }

    [Fact]
    public void Keys_AreStableAcrossEdits_AndUniqueForRepeatedItems()
    {
        var first = Parse("## A\n- [ ] Samme\n- [ ] Samme\n- [ ] Andet\n");
        var edited = Parse("Ny indledning.\n\n## A\n- [ ] Nyt punkt\n- [ ] Samme\n- [ ] Samme\n- [ ] Andet\n");

        var keys = first.Items.Select(i => i.Key).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(keys, edited.Items.Skip(1).Select(i => i.Key));
    }

    [Fact]
    public void Parse_SoftLineBreaksBecomeSpaces()
    {
        var item = Assert.Single(Parse("- [ ] Første linje\n  fortsætter her\n").Items);

        Assert.Equal("Første linje fortsætter her", item.Text);
    }

    [Fact]
    public void Parse_NoTaskItems_GivesAnEmptyChecklist()
    {
        Assert.Equal(0, Parse("## Intet\n\n- Bare en liste\n").Count);
    }
}
