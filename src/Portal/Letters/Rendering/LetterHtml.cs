using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Portal.Content;

namespace Portal.Letters;

/// <summary>
/// The whole letter as HTML: letterhead, recipient, date, the rendered body, signature and copy list.
/// Every value outside the (already sanitised) body is HTML-encoded here.
/// </summary>
public static class LetterHtml
{
    public static string Compose(RenderedLetter letter, LetterContext context, int headingShift = 0, string? banner = null)
    {
        var sb = new StringBuilder(letter.BodyHtml.Length + 1024);
        sb.Append("<section class=\"letter\">");
        if (banner is not null)
        {
            // A draft must never pass for a final letter, also when printed.
            sb.Append("<p class=\"letter-draft-banner\" role=\"note\"><strong>").Append(Encode(banner)).Append("</strong></p>");
        }
        sb.Append("<header class=\"letter-head\">");
        sb.Append("<div class=\"letter-recipient\">");
        if (letter.Recipient is { } to)
        {
            sb.Append("<p>").Append(Encode(to.Name));
            foreach (var line in Lines(to.Address))
            {
                sb.Append("<br>").Append(Encode(line));
            }
            sb.Append("</p>");
        }
        sb.Append("</div><div class=\"letter-sender\">");
        sb.Append("<p class=\"letter-municipality\">").Append(Encode(context.Municipality.Name)).Append("</p>");
        sb.Append("<p>").Append(Encode(context.Unit.Name));
        foreach (var line in Lines(context.Unit.Address).Append(context.Unit.Phone).Append(context.Unit.Email).Append(context.Unit.Web))
        {
            sb.Append("<br>").Append(Encode(line));
        }
        sb.Append("</p><p class=\"letter-date\">").Append(Encode(DanishFormat.Date(context.SendDate))).Append("</p>");
        sb.Append("</div></header>");
        sb.Append("<div class=\"letter-body markdown-body\">").Append(ShiftHeadings(letter.BodyHtml, headingShift)).Append("</div>");
        sb.Append("<footer class=\"letter-signature\"><p>Med venlig hilsen</p><p>").Append(Encode(context.Caseworker.Name))
            .Append("<br>").Append(Encode(context.Caseworker.Title)).Append("<br>").Append(Encode(context.Unit.Name)).Append("</p>");
        if (letter.CopyTo.Count > 0)
        {
            sb.Append("<p class=\"letter-copies\">Kopi til: ")
                .Append(string.Join(", ", letter.CopyTo.Select(c => Encode($"{c.Name} ({c.RoleLabel.ToLowerInvariant()})"))))
                .Append("</p>");
        }
        sb.Append("</footer></section>");
        return sb.ToString();
    }

    /// <summary>All letters of a result, one section each.</summary>
    public static string Compose(LetterResult result) => string.Concat(result.Letters.Select(l => Compose(l, result.Context, banner: result.Banner)));

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Replace("\r", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>On a page that has its own h1, the letter's headings move down a level (h1 → h2).</summary>
    private static string ShiftHeadings(string html, int shift)
    {
        if (shift == 0)
        {
            return html;
        }
        for (var level = 6 - shift; level >= 1; level--)
        {
            html = html.Replace($"<h{level}>", $"<h{level + shift}>").Replace($"<h{level} ", $"<h{level + shift} ").Replace($"</h{level}>", $"</h{level + shift}>");
        }
        return html;
    }

    private static readonly HtmlEncoder s_encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => s_encoder.Encode(text);
}
