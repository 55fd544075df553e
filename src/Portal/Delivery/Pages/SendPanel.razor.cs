using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Portal.Auth;
using Portal.Letters;

namespace Portal.Delivery;

/// <summary>The letter page's "Lav endelig PDF" and "Send og journalisér", with the delivery status as it changes.</summary>
public partial class SendPanel
{
    [Inject] private PdfConverter Converter { get; set; } = default!;
    [Inject] private FinalLetter Final { get; set; } = default!;
    [Inject] private LetterSender Sender { get; set; } = default!;
    [Inject] private OutboxStore Outbox { get; set; } = default!;
    [Inject] private LetterAudit Audit { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>Makes the strict letter (null with the errors shown on the form).</summary>
    [Parameter, EditorRequired] public Func<(LetterResult? Result, TemplateSet Set, LetterRequest Request)> Strict { get; set; } = default!;

    /// <summary>The live preview: decides whether the buttons are on and what the panel states.</summary>
    [Parameter] public LetterResult? Preview { get; set; }

    [Parameter, EditorRequired] public UserProfile Profile { get; set; } = default!;

    private string? _recipient;
    private string? _caseNumber;
    private bool _confirmWarnings;
    private bool _busy;
    private string? _message;
    private Severity _severity = Severity.Info;
    private IReadOnlyList<FieldError> _errors = [];
    private OutboxView? _status;
    private IReadOnlyList<OutboxView> _ownProblems = [];
    private Timer? _poll;

    private bool CanFinish => Converter.Notice is null && Preview is { IsFinal: true };

    private string? Problem(string field) => _errors.FirstOrDefault(e => e.Field == field)?.Message;

    protected override async Task OnInitializedAsync() => _ownProblems = await Outbox.ListAsync(Profile.Id, onlyProblems: true, take: 5);

    private async Task PdfAsync()
    {
        var (result, set, request) = Strict();
        if (result is not { IsFinal: true })
        {
            return;
        }
        _busy = true;
        try
        {
            var document = await Final.MakeAsync(result, set, request.SendDate);
            await Audit.WriteAsync(Profile, result, set, "pdf");
            await JS.InvokeVoidAsync("portal.downloadFile", document.FileName, FinalLetter.PdfContentType, Convert.ToBase64String(document.Pdf));
            Show(Severity.Success, "Den endelige PDF er hentet.");
        }
        catch (Exception ex) when (ex is PdfConversionException or NotFinalException)
        {
            Show(Severity.Error, ex.Message);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SendAsync()
    {
        var (result, set, request) = Strict();
        if (result is null)
        {
            return;
        }
        _busy = true;
        try
        {
            var outcome = await Sender.SendAsync(result, set, request, new SendRequest(_recipient, _caseNumber, _confirmWarnings), Profile);
            _errors = outcome.Errors;
            if (outcome.LetterId is { } id)
            {
                _recipient = null;
                Show(Severity.Success, "Brevet er lagt i udbakken og sendes nu til borgeren og journaliseres.");
                _status = await Outbox.FindAsync(id);
                _poll?.Dispose();
                _poll = new Timer(_ => InvokeAsync(() => PollAsync(id)), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
            }
            else
            {
                Show(Severity.Error, "Brevet er ikke sendt: " + string.Join(" ", outcome.Errors.Where(e => e.Field is null or "bekraeft").Select(e => e.Message).DefaultIfEmpty("ret felterne ovenfor.")));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task PollAsync(Guid id)
    {
        _status = await Outbox.FindAsync(id);
        if (_status is null || _status.Destinations.All(d => d.Status != OutboxStatus.Pending))
        {
            _poll?.Dispose();
            _poll = null;
        }
        StateHasChanged();
    }

    private void Show(Severity severity, string message)
    {
        _severity = severity;
        _message = message;
    }

    public void Dispose() => _poll?.Dispose();
}
