using FluxCaption.Contracts.Subtitles;
using FluxCaption.Web.Components.Subtitles;
using FluxCaption.Web.Services;
using Microsoft.AspNetCore.Components;

namespace FluxCaption.Web.Components.Pages.Subtitles;

/// <summary>
/// One subtitle version as a table of cues (a translation beside its source), with the lines its job
/// marked, search and replace, inline edits saved as a new version, download, and write-back through
/// its job with the outcome followed live.
/// </summary>
public sealed partial class SubtitleEditorPage
{
    private SubtitleDocumentView? _view;
    private CueEditorModel? _model;
    private int? _current;
    private bool _onlyMarked;
    private string? _editedBy;
    private bool _busy;
    private List<string> _problems = [];
    private string? _notice;
    private string? _writeBackState;
    private IDisposable? _following;

    [Parameter]
    public Guid DocumentId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // Saving moves to the new version's address with the view already in hand; only another version is read.
        if (_view?.Document.Id != DocumentId)
        {
            _following?.Dispose();
            (_notice, _writeBackState) = (null, null);
            await ActAsync(async () => Show(await Api.GetSubtitleAsync(DocumentId)));
        }
    }

    private void Show(SubtitleDocumentView view)
    {
        _view = view;
        _model = new CueEditorModel(view);
        _current = null;
        _editedBy ??= view.Document.EditedBy;
    }

    private Task GoToAsync(int? index)
    {
        _current = index;
        if (index is { } at && _onlyMarked && !_model!.Cues[at].IsMarked)
        {
            // A search match on an unmarked line must be visible.
            _onlyMarked = false;
        }

        StateHasChanged();
        return Task.CompletedTask;
    }

    private Task SaveAsync() => ActAsync(async () =>
    {
        _busy = true;
        try
        {
            var saved = await Api.SaveSubtitleVersionAsync(_view!.Document.Id, new NewSubtitleVersionRequest(_model!.Edits(), _editedBy));
            Show(saved);
            _notice = L["Saved as version {0}.", saved.Document.Version];
            Navigation.NavigateTo($"/subtitles/{saved.Document.Id}");
        }
        finally
        {
            _busy = false;
        }
    });

    private Task WriteBackAsync() => ActAsync(async () =>
    {
        _busy = true;
        try
        {
            var result = await Api.WriteBackSubtitleAsync(_view!.Document.Id);
            _writeBackState = L["Version {0} is queued for write-back; it replaces the subtitle FluxCaption wrote before.", result.Version];
            _following?.Dispose();
            _following = JobEvents.Subscribe(result.JobId, job => InvokeAsync(async () =>
            {
                if (job.Status == "succeeded")
                {
                    _writeBackState = L["Written back: version {0} replaced the subtitle FluxCaption wrote before.", result.Version];
                    await ActAsync(async () => Show(await Api.GetSubtitleAsync(result.DocumentId)));
                }
                else if (job.Status is "failed" or "cancelled")
                {
                    _writeBackState = L["Write-back did not finish: {0}", job.Error?.Message ?? job.Status];
                }

                StateHasChanged();
            }));
        }
        finally
        {
            _busy = false;
        }
    });

    private string KindLabel(string kind) => kind switch
    {
        SubtitleKinds.Translation => L["Translation"],
        SubtitleKinds.Transcript => L["Transcript"],
        _ => L["Source"],
    };

    private string VersionLabel(SubtitleVersionSummary version) =>
        version.EditedBy is { } who ? L["v{0} ({1})", version.Version, who] : L["v{0}", version.Version];

    private string WriteBackReason(string? code, string reason) => code switch
    {
        WriteBackBlockedCodes.NotATranslation => L["Only a translation is written back; download this subtitle instead."],
        WriteBackBlockedCodes.NoJob => L["No job holds this translation any more (its job translated again since); download it instead."],
        WriteBackBlockedCodes.Upload => L["This translation comes from an uploaded file, so there is nowhere to write it back; download it instead."],
        WriteBackBlockedCodes.JobNotSucceeded => L["Its job has not succeeded; a version can be written back once the job has succeeded."],
        WriteBackBlockedCodes.ItemMissing => L["The media item of this translation no longer exists; download it instead."],
        WriteBackBlockedCodes.ReadOnlyLibrary => L["Its library is read-only (write-back is off); download the subtitle instead."],
        WriteBackBlockedCodes.AlreadyWritten => L["This version is already written back."],
        WriteBackBlockedCodes.OlderVersion => L["This version is older than the one written back; save it as a new version to write it back again."],
        _ => reason,
    };

    private async Task ActAsync(Func<Task> action)
    {
        _problems = [];
        try
        {
            await action();
        }
        catch (ApiProblemException ex)
        {
            _problems = [.. ex.Messages];
        }
        catch (HttpRequestException ex)
        {
            _problems = [L["The FluxCaption Api cannot be reached: {0}", ex.Message]];
        }
    }

    public void Dispose() => _following?.Dispose();
}
