#:project ../src/Portal/Portal.csproj
#:property TreatWarningsAsErrors=false
// Measures the Den Gode Overgang list view on 100,000 rows: decode + parse + validate, milestones in a one-year
// period, sorting, CSV and iCalendar export. Run: dotnet run scripts/measure-transition-list.cs [rows]
using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Portal.Transition;

var rows = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? "scripts", ".."));
var options = new ConfigurationBuilder().AddJsonFile(Path.Combine(root, "src", "Portal", "appsettings.json")).Build()
    .GetSection(TransitionOptions.Section).Get<TransitionOptions>()!;
var rules = new TransitionRules(options);
var list = new MilestoneList(rules, new MilestoneDescriber(options));
var today = new DateOnly(2026, 11, 23);

var random = new Random(42);
var csv = new StringBuilder("Sagsnummer;Fødselsdato;Tilflytning\r\n");
for (var i = 1; i <= rows; i++)
{
    var birth = new DateOnly(2006, 1, 1).AddDays(random.Next(0, 365 * 12));
    var arrival = i % 20 == 0 ? birth.AddMonths(190).ToString("dd-MM-yyyy") : "";
    var bad = i % 1000 == 0 ? "31-02-2010" : birth.ToString("dd-MM-yyyy");
    csv.Append($"2026-{i:000000};{bad};{arrival}\r\n");
}
var bytes = Encoding.UTF8.GetBytes(csv.ToString());
Console.WriteLine($"Input: {rows:N0} rows, {bytes.Length / 1024.0 / 1024.0:F1} MB");

var timings = new List<(string Step, double Ms)>();
for (var run = 1; run <= 5; run++)
{
    var total = Stopwatch.StartNew();
    var watch = Stopwatch.StartNew();
    var parsed = new CaseListParser(rules, options.List.MaxRows).Parse(bytes, today);
    var parseMs = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var hits = list.Build(parsed.Rows, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));
    var buildMs = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var table = new HitTable(hits);
    table.SortBy(HitColumn.CaseNumber);
    var sortMs = watch.Elapsed.TotalMilliseconds;
    var processMs = total.Elapsed.TotalMilliseconds;
    watch.Restart();
    var csvOut = MilestoneExport.Csv(table.All);
    var csvMs = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    var ics = MilestoneExport.Calendar(table.All.Take(options.List.MaxCalendarEvents), list, DateTimeOffset.UtcNow);
    var icsMs = watch.Elapsed.TotalMilliseconds;
    Console.WriteLine($"Run {run}: parse {parseMs:F0} ms ({parsed.Rows.Count:N0} rows, {parsed.ErrorCount:N0} bad lines), milestones {buildMs:F0} ms ({hits.Count:N0} hits), sort {sortMs:F0} ms => processed in {processMs:F0} ms; CSV export {csvMs:F0} ms ({csvOut.Length / 1024:N0} KB), iCalendar {icsMs:F0} ms ({ics.Length / 1024:N0} KB, {Math.Min(hits.Count, options.List.MaxCalendarEvents):N0} events)");
    timings.Add(("process", processMs));
}
var sorted = timings.Select(t => t.Ms).Order().ToList();
Console.WriteLine($"Processing {rows:N0} rows (parse + milestones + sort): median {sorted[sorted.Count / 2]:F0} ms, worst {sorted[^1]:F0} ms (target < 5000 ms)");
