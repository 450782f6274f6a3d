namespace FluxCaption.Core.Ocr.VobSub;

/// <summary>
/// Decodes a VobSub stream (an .idx/.sub pair, or an embedded <c>dvd_subtitle</c> track remuxed to an MPEG
/// program stream with its private data as the index) into timed caption pictures.
/// </summary>
public static class VobSubDecoder
{
    /// <summary>
    /// Captions of stream <paramref name="streamIndex"/> of <paramref name="programStream"/>. A caption's start is
    /// the .idx timestamp of its pack when the index lists it (players go by the index), else the PES timestamp,
    /// plus the unit's start delay; its end is the stop command, else the next caption's start.
    /// </summary>
    public static IReadOnlyList<BitmapCaption> Decode(ReadOnlySpan<byte> programStream, VobSubIndex index, int streamIndex)
    {
        var listed = index.Streams.FirstOrDefault(stream => stream.Index == streamIndex)?.Entries
            .GroupBy(entry => entry.FilePosition)
            .ToDictionary(group => group.Key, group => group.First().Timestamp);
        var pictures = new List<(TimeSpan Start, TimeSpan? End, SubpictureImage Image)>();
        foreach (var packet in MpegProgramStream.ReadSubpictures(programStream, streamIndex))
        {
            TimeSpan timestamp;
            if (listed is not null && listed.TryGetValue(packet.PackPosition, out var fromIndex))
            {
                timestamp = fromIndex;
            }
            else if (packet.Pts is { } pts)
            {
                timestamp = BitmapCaption.FromPts(pts);
            }
            else
            {
                throw MpegProgramStream.Damaged($"the subpicture in the pack at byte {packet.PackPosition} has no timestamp in the stream or the index");
            }

            if (SpuDecoder.Decode(packet.Data, index.Palette) is { } image)
            {
                pictures.Add((timestamp + image.StartDelay, image.StopDelay is { } stop ? timestamp + stop : null, image));
            }
        }

        pictures.Sort((a, b) => a.Start.CompareTo(b.Start));
        var captions = new List<BitmapCaption>(pictures.Count);
        for (var i = 0; i < pictures.Count; i++)
        {
            var (start, end, image) = pictures[i];
            var next = i + 1 < pictures.Count ? pictures[i + 1].Start : (TimeSpan?)null;
            var resolved = end ?? (next > start ? next.Value : start + BitmapCaption.OpenEndedDuration);
            if (resolved > start)
            {
                captions.Add(new BitmapCaption(start, resolved, image.X, image.Y, image.Width, image.Height, image.Rgba, image.IsForced));
            }
        }

        return captions;
    }
}
