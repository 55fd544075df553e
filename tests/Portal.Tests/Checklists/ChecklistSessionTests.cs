using Portal.Checklists;
using Portal.Content;

namespace Portal.Tests.Checklists;

public class ChecklistSessionTests
{
    private static ChecklistSession NewSession() => new(ChecklistParser.Parse("s", "T", 1,
        "## Før\n- [ ] Send pjecen\n- [ ] Book lokale\n## Efter\n- [ ] Skriv notat\n", new MarkdownRenderer(new HtmlSafety()).Pipeline));

    [Fact]
    public void Progress_CountsTickedItems()
    {
        var session = NewSession();
        var keys = session.Definition.Items.Select(i => i.Key).ToList();

        session.SetChecked(keys[0], true);
        session.SetChecked(keys[2], true);

        Assert.Equal(2, session.Done);
        Assert.Equal(3, session.Total);
        Assert.Equal(67, session.Percent);
        Assert.False(session.IsComplete);
        session.SetChecked(keys[1], true);
        Assert.True(session.IsComplete);
    }

    [Fact]
    public void Referat_LeavesOutTheCaseworkersOwnPreparation()
    {
        var session = new ChecklistSession(ChecklistParser.Parse("s", "T", 1,
            "## Før mødet\n- [ ] Tjek fuldmagten\n## Under mødet\n- [ ] Aftal næste møde\n", new MarkdownRenderer(new HtmlSafety()).Pipeline));
        foreach (var item in session.Definition.Items)
        {
            session.SetChecked(item.Key, true);
        }

        var points = session.ReferatPoints(new ChecklistOptions().PreparationHeadings);

        Assert.Equal(["Aftal næste møde"], points);
    }

    [Fact]
    public void TabDraft_RoundTripsTicksNotesAndUnsavedState()
    {
        var session = NewSession();
        var keys = session.Definition.Items.Select(i => i.Key).ToList();
        session.SetChecked(keys[1], true);
        session.SetNote(keys[1], "lokale 2");

        var restored = NewSession();
        Assert.True(restored.RestoreDraft(session.ToDraftJson()));

        Assert.True(restored.IsChecked(keys[1]));
        Assert.Equal("lokale 2", restored.Note(keys[1]));
        Assert.True(restored.IsDirty);
        Assert.False(NewSession().RestoreDraft("{ikke json"));
    }

    [Fact]
    public void ReferatValues_HaveTickedItemsWithNotes_InChecklistOrder_AndTheMeetingDate()
    {
        var session = NewSession();
        var keys = session.Definition.Items.Select(i => i.Key).ToList();
        session.SetChecked(keys[2], true);
        session.SetChecked(keys[0], true);
        session.SetNote(keys[0], "  givet til mor  ");
        session.SetNote(keys[1], "ikke afkrydset, kommer ikke med");

        var values = session.ReferatValues(new DateOnly(2026, 11, 23));

        Assert.Equal(["Send pjecen – givet til mor", "Skriv notat"], (IReadOnlyList<string>)values["punkter"]!);
        Assert.Equal(new DateOnly(2026, 11, 23), values["moede_dato"]);
        session.MeetingDate = new DateOnly(2026, 11, 20);
        Assert.Equal(new DateOnly(2026, 11, 20), session.ReferatValues(new DateOnly(2026, 11, 23))["moede_dato"]);
    }

    [Fact]
    public void Notes_AreTrimmed_RefusedWholeWhenTooLong_AndRemovedWhenEmpty()
    {
        var session = NewSession();
        var key = session.Definition.Items.First().Key;

        Assert.Null(session.SetNote(key, "  aftalt med mor  "));
        Assert.Equal("aftalt med mor", session.Note(key));
        var error = session.SetNote(key, new string('x', 600));
        Assert.Equal("Noten er 600 tegn. Den må højst være 500 tegn; forkort den, så den bliver gemt.", error);
        Assert.Equal("aftalt med mor", session.Note(key)); // never cut: the earlier note stays
        Assert.Null(session.SetNote(key, new string('x', ChecklistSession.MaxNoteLength)));
        Assert.Equal(ChecklistSession.MaxNoteLength, session.Note(key).Length);
        session.SetNote(key, "   ");
        Assert.Equal("", session.Note(key));
    }

    [Fact]
    public void Restore_CountsANoteTooLongToKeep_AsLost_InsteadOfCuttingIt()
    {
        var session = NewSession();
        var key = session.Definition.Items.First().Key;
        session.SetNote(key, "kort");
        var json = session.ToJson().Replace("\"kort\"", "\"" + new string('x', 600) + "\"", StringComparison.Ordinal);
        var again = NewSession();

        Assert.Equal(1, again.Restore(json));
        Assert.Equal("", again.Note(key));
    }

    [Fact]
    public void Json_RoundTrips_AndReportsItemsThatNoLongerExist()
    {
        var session = NewSession();
        var keys = session.Definition.Items.Select(i => i.Key).ToList();
        session.SetChecked(keys[1], true);
        session.SetNote(keys[1], "note");
        session.MeetingDate = new DateOnly(2026, 11, 20);
        var json = session.ToJson().Replace(keys[1], "forsvundet", StringComparison.Ordinal);
        session.SetChecked(keys[0], true);
        var again = NewSession();

        Assert.Equal(1, again.Restore(json));
        Assert.Equal(0, again.Done);
        Assert.Equal(new DateOnly(2026, 11, 20), again.MeetingDate);
        Assert.Equal(0, again.Restore(session.ToJson()));
        Assert.Equal(2, again.Done);
        Assert.Equal("note", again.Note(keys[1]));
        Assert.False(again.IsDirty);
    }
}
