namespace Portal.Letters;

/// <summary>A problem with a form value; Field is null for the request as a whole.</summary>
public sealed record FieldError(string? Field, string Message);
