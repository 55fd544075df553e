using Portal.Editing;

namespace Portal.Tests.Editing;

public class VersionDiffTests
{
    [Fact]
    public void Compute_MarksAddedAndRemovedLines_WithTheirNumbers()
    {
        var lines = VersionDiff.Compute("a\nb\nc\n", "a\nB\nc\nd\n");

        Assert.Equal(
        [
            new DiffLine(DiffKind.Same, 1, 1, "a"),
            new DiffLine(DiffKind.Removed, 2, null, "b"),
            new DiffLine(DiffKind.Added, null, 2, "B"),
            new DiffLine(DiffKind.Same, 3, 3, "c"),
            new DiffLine(DiffKind.Added, null, 4, "d"),
        ], lines);
    }

    [Fact]
    public void Compute_IdenticalTexts_HasNoChanges()
    {
        Assert.All(VersionDiff.Compute("x\ny\n", "x\ny\n"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }

    [Fact]
    public void Folded_KeepsContextAroundChanges_AndFoldsTheRest()
    {
        var old = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"linje {i}")) + "\n";
        var lines = VersionDiff.Compute(old, old.Replace("linje 10\n", "linje ti\n"));

        var folded = VersionDiff.Folded(lines, context: 2);

        Assert.Null(folded[0]);
        Assert.Equal("linje 8", folded[1]!.Text);
        Assert.Equal(2, folded.Count(l => l?.Kind is DiffKind.Added or DiffKind.Removed));
        Assert.Null(folded[^1]);
        Assert.Equal(8, folded.Count);
    }
}
