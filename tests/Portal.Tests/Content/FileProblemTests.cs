using Portal.Content;

namespace Portal.Tests.Content;

public class FileProblemTests
{
    public static TheoryData<Exception, FileProblem.Operation, string> Cases => new()
    {
        { new UnauthorizedAccessException("Access to the path '/srv/content/x.md' is denied."), FileProblem.Operation.Read, "Portalen har ikke lov til at læse filen." },
        { new UnauthorizedAccessException("denied"), FileProblem.Operation.Write, "Portalen har ikke lov til at skrive filen." },
        { new IOException("No space left on device", 28), FileProblem.Operation.Write, "Der er ikke plads på disken." },
        { new PathTooLongException(), FileProblem.Operation.Write, "Filens sti er for lang til filsystemet." },
        { new IOException("The process cannot access the file because it is being used by another process."), FileProblem.Operation.Read, "Filen kunne ikke læses (den er måske låst af et andet program)." },
        { new IOException("I/O error"), FileProblem.Operation.Delete, "Filen kunne ikke slettes (fejl i filsystemet)." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Describe_SaysWhatWentWrongInDanish_WithoutTheEnglishText(Exception ex, FileProblem.Operation operation, string expected)
    {
        var text = FileProblem.Describe(ex, operation);

        Assert.Equal(expected, text);
        Assert.DoesNotContain(ex.Message, text, StringComparison.Ordinal);
    }
}
