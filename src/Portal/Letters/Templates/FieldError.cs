namespace Portal.Letters;

/// <summary>
/// A problem with a form value; Field is null for the request as a whole. Immediate errors (too long, unsafe
/// characters) show in the form at once, not only when the caseworker tries to download.
/// </summary>
public sealed record FieldError(string? Field, string Message, bool Immediate = false);
