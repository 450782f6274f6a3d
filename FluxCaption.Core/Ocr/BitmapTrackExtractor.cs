using System.Globalization;
using System.Text;
using System.Text.Json;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Media;
using FluxCaption.Core.Ocr.Pgs;
using FluxCaption.Core.Ocr.VobSub;

namespace FluxCaption.Core.Ocr;

/// <summary>
/// Gets an embedded bitmap track's captions with ffmpeg. PGS is copied out as a .sup stream. A
/// <c>dvd_subtitle</c> track is copied into an MPEG program stream (its packets keep their timestamps and come
/// back as substream 0x20), and its palette is read by ffprobe from the track's private data, which Matroska
/// and ffmpeg's MP4 reader both give as the text header of an .idx file.
/// </summary>
internal sealed class BitmapTrackExtractor(MediaOptions media)
{
    public const string PgsCodec = "hdmv_pgs_subtitle";
    public const string VobSubCodec = "dvd_subtitle";

    public async Task<IEnumerable<BitmapCaption>> ExtractAsync(string mediaPath, MediaTrack track, string workFolder, CancellationToken cancellationToken)
    {
        var index = track.Index!.Value.ToString(CultureInfo.InvariantCulture);
        if (track.Codec == PgsCodec)
        {
            var sup = await CopyAsync(mediaPath, index, "sup", Path.Combine(workFolder, "track.sup"), cancellationToken);
            return PgsDecoder.Read(sup);
        }

        var header = await PrivateDataAsync(mediaPath, index, cancellationToken);
        var programStream = await CopyAsync(mediaPath, index, "mpeg", Path.Combine(workFolder, "track.mpg"), cancellationToken);
        return VobSubDecoder.Read(programStream, VobSubIndex.Parse(header), streamIndex: 0);
    }

    private async Task<byte[]> CopyAsync(string mediaPath, string index, string muxer, string output, CancellationToken cancellationToken)
    {
        var result = await OcrProcess.RunAsync(Tool("ffmpeg"),
            ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-i", mediaPath, "-map", $"0:{index}", "-c:s", "copy", .. MuxerOptions(muxer), "-f", muxer, output],
            media.ExtractTimeout, "Media:ExtractTimeout", Missing("ffmpeg"), cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(output))
        {
            throw new OcrException(OcrErrorCodes.BadTrack,
                $"ffmpeg could not copy stream {index} of '{mediaPath}' (exit code {result.ExitCode}): {Last(result.StandardError)}");
        }

        return await File.ReadAllBytesAsync(output, cancellationToken);
    }

    // The MPEG muxer delays every timestamp by its preload unless told not to; captions must keep the track's times.
    private static string[] MuxerOptions(string muxer) => muxer == "mpeg" ? ["-muxpreload", "0", "-muxdelay", "0"] : [];

    private async Task<string> PrivateDataAsync(string mediaPath, string index, CancellationToken cancellationToken)
    {
        var result = await OcrProcess.RunAsync(Tool("ffprobe"),
            ["-v", "error", "-select_streams", index, "-show_streams", "-show_data", "-of", "json", mediaPath],
            media.ProbeTimeout, "Media:ProbeTimeout", Missing("ffprobe"), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new OcrException(OcrErrorCodes.BadTrack, $"ffprobe could not read stream {index} of '{mediaPath}': {Last(result.StandardError)}");
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var streams = json.RootElement.TryGetProperty("streams", out var list) ? list : default;
        if (streams.ValueKind != JsonValueKind.Array || streams.GetArrayLength() == 0
            || !streams[0].TryGetProperty("extradata", out var extradata) || extradata.GetString() is not { Length: > 0 } dump)
        {
            throw new OcrException(OcrErrorCodes.BadTrack,
                $"The VobSub stream {index} of '{mediaPath}' carries no palette (its codec private data is empty), so its pictures cannot be coloured.");
        }

        return Encoding.Latin1.GetString(FromHexDump(dump));
    }

    // ffprobe prints data as "00000000: 7369 7a65 3a20 ...  size: ..." lines: an offset, 16 bytes in 8 groups, then text.
    private static byte[] FromHexDump(string dump)
    {
        var bytes = new List<byte>();
        foreach (var line in dump.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var hex = line.Substring(colon + 2, Math.Min(40, line.Length - colon - 2)).Replace(" ", "", StringComparison.Ordinal);
            bytes.AddRange(Convert.FromHexString(hex));
        }

        return [.. bytes];
    }

    private string Tool(string name) => string.IsNullOrWhiteSpace(media.BinaryFolder) ? name : Path.Combine(media.BinaryFolder, name);

    private string Missing(string tool) =>
        $"{tool} could not be started ({(string.IsNullOrWhiteSpace(media.BinaryFolder) ? "looked on PATH" : $"looked in Media:BinaryFolder {media.BinaryFolder}")}). "
        + "Install ffmpeg (it provides ffmpeg and ffprobe) or set Media:BinaryFolder.";

    private static string Last(string standardError) =>
        string.Join(" | ", standardError.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).TakeLast(3));
}
