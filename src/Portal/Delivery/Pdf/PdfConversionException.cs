namespace Portal.Delivery;

/// <summary>The final PDF could not be made; the message is Danish and shown to the caseworker.</summary>
public sealed class PdfConversionException(string message) : Exception(message);
