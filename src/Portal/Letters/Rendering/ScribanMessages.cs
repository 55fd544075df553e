namespace Portal.Letters;

/// <summary>Scriban reports in English: lead with the likely cause in Danish and keep the original for detail.</summary>
public static class ScribanMessages
{
    private static readonly (string English, string Danish)[] s_known =
    [
        ("<end> statement was not found", "der mangler et {{ end }} til en blok ({{ if }}, {{ for }} eller lignende)"),
        ("Found <end> statement without", "der er et {{ end }} for meget"),
        ("Expecting a closing", "der mangler en afsluttende parentes eller }}"),
        ("Invalid token", "ugyldigt tegn i et udtryk"),
        ("Unexpected token", "uventet tegn i et udtryk"),
        ("was not found", "navnet findes ikke"),
        ("Cannot get member with name", "feltet findes ikke"),
        ("Exceeding number of iteration limit", "en løkke kører for mange gange"),
        ("Exceeding number of recursive depth limit", "for mange indlejrede kald"),
        ("Exceeding recursive depth limit", "for mange indlejrede kald"),
        ("exceeds LoopLimit", "en løkke kører for mange gange"),
        ("exceeds OutputLimit", "brevet bliver for langt; intet er udeladt, men brevet er ikke lavet"),
        ("LimitToString", "en tekst i brevet er for lang; intet er udeladt, men brevet er ikke lavet"),
        ("operation was cancelled", "skabelonen tog for lang tid at udfylde"),
        ("Unable to include", "frasen kunne ikke indsættes"),
        ("Unable to convert type", "en værdi har den forkerte type"),
        ("Invalid number of arguments", "en funktion har fået det forkerte antal værdier"),
    ];

    public static string Translate(string message)
    {
        foreach (var (english, danish) in s_known)
        {
            if (message.Contains(english, StringComparison.OrdinalIgnoreCase))
            {
                return $"{danish}. (Scriban: {message})";
            }
        }
        return message;
    }
}
