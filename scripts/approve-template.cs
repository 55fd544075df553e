#:project ../src/Portal/Portal.csproj
#:property TreatWarningsAsErrors=false
// A jurist approves a template's current text: writes juridisk_status godkendt with name, date and the body's hash.
// The approval lapses by itself when the text changes. Run from the repository root:
//   dotnet run scripts/approve-template.cs -- content/skabeloner/afgoerelser/boern/bevilling-merudgifter.md "Jette Jurist" [2026-12-01]
using Portal.Letters;

if (args.Length < 2)
{
    Console.Error.WriteLine("Brug: dotnet run scripts/approve-template.cs -- <fil.md> \"<juristens navn>\" [åååå-mm-dd]");
    return 2;
}
var path = args[0];
var on = args.Length > 2 ? DateOnly.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.Today);
var text = File.ReadAllText(path);
File.WriteAllText(path, LegalApproval.Approve(text, path, args[1], on));
Console.WriteLine($"{path}: godkendt af {args[1]} den {on:yyyy-MM-dd}.");
return 0;
