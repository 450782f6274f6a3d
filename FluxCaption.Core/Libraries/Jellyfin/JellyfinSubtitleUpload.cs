namespace FluxCaption.Core.Libraries.Jellyfin;

/// <summary>The body of <c>POST /Videos/{id}/Subtitles</c>; every field is required by the server.</summary>
/// <param name="Language">Lower-cased by Jellyfin into the file name <c>&lt;base&gt;.&lt;language&gt;[.forced][.sdh].&lt;format&gt;</c>.</param>
/// <param name="Format">ass, mks, sami, smi, srt, ssa, sub, sup or vtt.</param>
/// <param name="Data">Base64 of the file's bytes.</param>
public sealed record JellyfinSubtitleUpload(string Language, string Format, bool IsForced, bool IsHearingImpaired, string Data);
