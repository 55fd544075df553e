namespace Portal.Letters;

/// <summary>A template failed while filling in (runtime error, limit or timeout); the message is Danish and names file and line.</summary>
public sealed class LetterRenderException(string message, string? file = null, int line = 0, Exception? inner = null) : Exception(message, inner)
{
    public string? File { get; } = file;

    public int Line { get; } = line;
}
