namespace Portal.Content;

/// <summary>
/// A file-system failure said in Danish for coordinators: the exception's own text is English and names
/// internals (paths, error codes), so it goes to the log, never to a page.
/// </summary>
public static class FileProblem
{
    public enum Operation
    {
        Read,
        Write,
        Delete,
    }

    public static string Describe(Exception ex, Operation operation) => ex switch
    {
        UnauthorizedAccessException => operation switch
        {
            Operation.Read => "Portalen har ikke lov til at læse filen.",
            Operation.Delete => "Portalen har ikke lov til at slette filen.",
            _ => "Portalen har ikke lov til at skrive filen.",
        },
        PathTooLongException => "Filens sti er for lang til filsystemet.",
        FileNotFoundException => "Filen findes ikke længere (den er flyttet eller slettet undervejs).",
        DirectoryNotFoundException => "Mappen findes ikke.",
        IOException io when io.HResult == 28 || io.Message.Contains("space", StringComparison.OrdinalIgnoreCase) => "Der er ikke plads på disken.",
        IOException when operation == Operation.Read => "Filen kunne ikke læses (den er måske låst af et andet program).",
        _ => operation == Operation.Delete ? "Filen kunne ikke slettes (fejl i filsystemet)." : "Filen kunne ikke skrives (fejl i filsystemet).",
    };
}
