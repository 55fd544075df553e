using Portal.Content;
using Scriban.Runtime;

namespace Portal.Letters;

/// <summary>
/// The template function <c>sats "nøgle"</c> for one letter: the amount valid on the letter's date, with the
/// periods used remembered (an unverified one keeps the letter a draft). Unknown key or no period: a Danish error.
/// </summary>
public sealed class RateLookup(RateTable table, DateOnly date)
{
    public const string FunctionName = "sats";

    private readonly List<(Rate Rate, RatePeriod Period)> _used = [];

    public IReadOnlyList<(Rate Rate, RatePeriod Period)> Used => _used;

    public ScriptObject Functions()
    {
        var functions = new ScriptObject();
        functions.Import(FunctionName, new Func<string, decimal>(Get));
        functions.SetReadOnly(FunctionName, true);
        return functions;
    }

    public decimal Get(string key)
    {
        var rate = table.Find(key ?? "") ?? throw new ArgumentException($"Satsen '{key}' findes ikke i {RateTable.FileName}. Ret nøglen i skabelonen, eller bed satsernes tovholder om at tilføje den.");
        var period = rate.ValidOn(date) ?? throw new ArgumentException(
            $"Der er ingen sats for '{rate.Name}' på brevets dato {DanishFormat.Date(date)} i {RateTable.FileName}. Satsernes tovholder skal tilføje perioden, før brevet kan laves.");
        if (!_used.Contains((rate, period)))
        {
            _used.Add((rate, period));
        }
        return period.Amount;
    }
}
