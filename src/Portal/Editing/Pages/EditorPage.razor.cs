using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Auth;
using Portal.Content;
using Portal.Documents;

namespace Portal.Editing.Pages;

public partial class EditorPage
{
    [Inject]
    private DocumentEditor Editor { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private Governance.ReadConfirmationService ReadConfirmations { get; set; } = default!;

    [Parameter]
    public string Slug { get; set; } = "";

    private EditorState? _state;
    private bool _loaded;
    private bool _saving;
    private readonly Governance.MaterialChoice _material = new();

    private string Title => _state?.FrontMatter?.GetString("titel") ?? Slug;

    protected override async Task OnParametersSetAsync()
    {
        if (_state?.Slug == DocumentEditor.Normalize(Slug))
        {
            return;
        }
        var document = await Editor.LoadAsync(Slug);
        _state = document is null ? null : new EditorState(document);
        _loaded = true;
    }

    private async Task SaveAsync(bool publish)
    {
        if (_state is null || _saving)
        {
            return;
        }
        _saving = true;
        try
        {
            var user = await CurrentUser.GetAsync();
            // "Væsentlig" is stored with the published version, in the same transaction; a draft ignores it.
            var material = publish ? ReadConfirmations.MarkOnPublish(_material.Audience, user) : null;
            var result = await Editor.SaveAsync(new SaveRequest(_state.Slug, _state.Text, _state.Stamp, _state.Comment, publish, _state.ResolvingConflictId), user, material);
            if (result.Succeeded && publish)
            {
                _material.Reset();
            }
            _state.Apply(result, result.Succeeded ? await Editor.LoadAsync(_state.Slug) : null);
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task SubmittedAsync(EditResult result) =>
        _state?.Apply(result, result.Succeeded ? await Editor.LoadAsync(_state.Slug) : null);

    private void UseTheirs() => _state?.UseTheirs();

    private void KeepMine() => _state?.KeepMine();

    private Task MovedAsync(string newSlug)
    {
        Navigation.NavigateTo($"/rediger/{newSlug}");
        return Task.CompletedTask;
    }

    private static Severity SeverityOf(EditResult result) => result.Status switch
    {
        EditStatus.Saved when result.File is FileStatus.Pending or FileStatus.Conflict => Severity.Warning,
        EditStatus.Saved => Severity.Success,
        EditStatus.Invalid or EditStatus.Refused or EditStatus.NotFound => Severity.Error,
        _ => Severity.Warning,
    };
}
