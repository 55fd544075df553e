using System.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using Portal.Content;
using Portal.Library;

namespace Portal.Transition.Pages;

public partial class MilestoneListPage : IAsyncDisposable
{
    [Inject] private TransitionOptions Options { get; set; } = default!;
    [Inject] private TransitionRules Rules { get; set; } = default!;
    [Inject] private MilestoneList List { get; set; } = default!;
    [Inject] private LibraryClock Clock { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private TransitionUsage Usage { get; set; } = default!;

    private IJSObjectReference? _module;
    private byte[]? _fileBytes;
    private string? _fileName;
    private DateOnly? _from;
    private DateOnly? _to;
    private string? _fromError;
    private string? _toError;
    private DateOnly _periodFrom;
    private DateOnly _periodTo;
    private bool _busy;
    private string? _message;
    private CaseListParseResult? _parse;
    private HitTable? _table;
    private long _elapsedMs;

    protected override void OnInitialized()
    {
        _from = Clock.Today;
        _to = Clock.Today.AddMonths(3);
    }

    private async Task FileChosen(InputFileChangeEventArgs e)
    {
        _message = null;
        _fileBytes = null;
        _fileName = null;
        if (e.File.Size > Options.List.MaxUploadBytes)
        {
            _message = $"Filen '{e.File.Name}' er for stor ({e.File.Size / 1024 / 1024} MB). Den må højst fylde {Options.List.MaxUploadBytes / 1024 / 1024} MB.";
            return;
        }
        using var buffer = new MemoryStream();
        await using (var stream = e.File.OpenReadStream(Options.List.MaxUploadBytes))
        {
            await stream.CopyToAsync(buffer);
        }
        _fileBytes = buffer.ToArray();
        _fileName = e.File.Name;
    }

    private async Task FindAsync()
    {
        _message = MilestoneList.ValidatePeriod(_from, _to, Options.List.MaxPeriodYears) ?? _fromError ?? _toError;
        _parse = null;
        _table = null;
        if (_message is not null)
        {
            return;
        }
        _busy = true;
        StateHasChanged();
        try
        {
            var bytes = _fileBytes ?? await ReadPastedAsync();
            if (bytes.Length == 0)
            {
                _message = "Indsæt en liste, eller vælg en CSV-fil.";
                return;
            }
            var (from, to, today) = (_from!.Value, _to!.Value, Clock.Today);
            var maxRows = Options.List.MaxRows;
            var watch = Stopwatch.StartNew();
            // Parsing runs off the circuit's thread so the page stays responsive on 100,000 rows.
            var (parse, hits) = await Task.Run(() =>
            {
                var result = new CaseListParser(Rules, maxRows).Parse(bytes, today);
                return (result, result.FatalError is null ? List.Build(result.Rows, from, to) : []);
            });
            _elapsedMs = watch.ElapsedMilliseconds;
            _parse = parse;
            (_periodFrom, _periodTo) = (from, to);
            _table = parse.FatalError is null ? new HitTable(hits) : null;
            await Usage.RecordAsync(TransitionUsage.ListTarget, parse.FatalError is null ? parse.Rows.Count : 0);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<byte[]> ReadPastedAsync()
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transition.js");
        var reference = await _module.InvokeAsync<IJSStreamReference>("readText", "csv-tekst");
        await using var stream = await reference.OpenReadStreamAsync(Options.List.MaxUploadBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private async Task ClearAsync()
    {
        _fileBytes = null;
        _fileName = null;
        _parse = null;
        _table = null;
        _message = null;
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transition.js");
        await _module.InvokeVoidAsync("clearText", "csv-tekst");
    }

    private Task DownloadCsvAsync() => DownloadAsync($"overgang-{_periodFrom:yyyy-MM-dd}-{_periodTo:yyyy-MM-dd}.csv", "text/csv;charset=utf-8", MilestoneExport.Csv(_table!.All));

    private async Task DownloadCalendarAsync()
    {
        if (_table!.Count > Options.List.MaxCalendarEvents)
        {
            _message = $"Kalenderfilen kan højst have {Options.List.MaxCalendarEvents.ToString("N0", DanishFormat.Culture)} aftaler. Vælg en kortere periode, eller hent listen som CSV.";
            return;
        }
        _message = null;
        var bytes = MilestoneExport.Calendar(_table.All, List, Time.GetUtcNow());
        await DownloadAsync($"overgang-{_periodFrom:yyyy-MM-dd}-{_periodTo:yyyy-MM-dd}.ics", "text/calendar;charset=utf-8", bytes);
    }

    private async Task DownloadAsync(string fileName, string contentType, byte[] bytes)
    {
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./js/transition.js");
        using var stream = new MemoryStream(bytes);
        using var reference = new DotNetStreamReference(stream);
        await _module.InvokeVoidAsync("download", fileName, contentType, reference);
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to release.
            }
        }
        GC.SuppressFinalize(this);
    }
}
