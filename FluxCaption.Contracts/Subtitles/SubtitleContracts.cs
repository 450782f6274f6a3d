namespace FluxCaption.Contracts.Subtitles;

/// <summary>
/// One version of a subtitle FluxCaption holds. <paramref name="Kind"/> is one of <see cref="SubtitleKinds"/>;
/// <paramref name="Format"/> srt, vtt, ass or ssa; <paramref name="Origin"/> where the first version came
/// from (existing, extracted, asr, ocr, mt, manual, upload). <paramref name="FirstVersionId"/> is shared by
/// every version of one subtitle (the first version's own id on itself).
/// </summary>
public sealed record SubtitleVersionSummary(
    Guid Id,
    string Kind,
    string? Language,
    string Format,
    string Origin,
    int Version,
    Guid FirstVersionId,
    Guid? PreviousVersionId,
    bool EditedByPerson,
    string? EditedBy,
    string? FileName,
    int CueCount,
    DateTimeOffset CreatedAt);

/// <summary>
/// What the job recorded about one cue: <paramref name="Kind"/> is one of <see cref="CueMarkerKinds"/>,
/// <paramref name="Code"/> the warning's code (kept_source, fallback_engine...) and <paramref name="Message"/> its reason.
/// </summary>
public sealed record CueMarker(string Kind, string? Code, string? Message);

/// <summary>
/// One cue, times in milliseconds from the start. <paramref name="SourceText"/> is the aligned cue of the
/// subtitle it was translated from (null when the subtitle is not a translation or no source cue matches).
/// </summary>
public sealed record SubtitleCueView(int Index, long StartMs, long EndMs, string Text, string? SourceText, IReadOnlyList<CueMarker> Markers);

/// <summary>
/// GET /api/subtitles/{id}: the version, every version of the same subtitle, whether it can be written
/// back (and why not: <paramref name="WriteBackBlockedCode"/> is one of <see cref="WriteBackBlockedCodes"/>,
/// <paramref name="WriteBackBlockedReason"/> says it in English), and its cues. <paramref name="JobId"/> is the job whose
/// result this subtitle is, if any.
/// </summary>
public sealed record SubtitleDocumentView(
    SubtitleVersionSummary Document,
    Guid? SourceDocumentId,
    Guid? JobId,
    bool CanWriteBack,
    string? WriteBackBlockedCode,
    string? WriteBackBlockedReason,
    IReadOnlyList<SubtitleVersionSummary> Versions,
    IReadOnlyList<SubtitleCueView> Cues);

/// <summary>A changed cue, by its index in the version edited: its new timing (milliseconds) and text.</summary>
public sealed record SubtitleCueEdit(int Index, long StartMs, long EndMs, string? Text);

/// <summary>
/// POST /api/subtitles/{id}/versions: the changed cues (cues not named stay as they are) and who made the
/// change. No cue at all saves a copy, which is how an older version is brought back.
/// </summary>
public sealed record NewSubtitleVersionRequest(IReadOnlyList<SubtitleCueEdit>? Cues, string? EditedBy);

/// <summary>POST /api/subtitles/{id}/writeback accepted: the job that writes the version and what happens next.</summary>
public sealed record SubtitleWriteBackResult(Guid JobId, Guid DocumentId, int Version, string Message);
