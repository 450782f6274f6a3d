namespace FluxCaption.Core.Ocr.VobSub;

/// <summary>
/// Decodes a VobSub stream (an .idx/.sub pair, or an embedded <c>dvd_subtitle</c> track remuxed to an MPEG
/// program stream with its private data as the index) into timed caption pictures.
/// </summary>
public static class VobSubDecoder
{
    /// <summary>Every caption of stream <paramref name="streamIndex"/>, in display order (see <see cref="Read"/>).</summary>
    public static IReadOnlyList<BitmapCaption> Decode(byte[] programStream, VobSubIndex index, int streamIndex) =>
        Read(programStream, index, streamIndex).ToList();

    /// <summary>
    /// Captions of stream <paramref name="streamIndex"/> of <paramref name="programStream"/>, decoded one at a time as
    /// they are enumerated (the stream's structure and timing are checked up front). A caption's start is the .idx
    /// timestamp of its pack when the index lists it (players go by the index), else the PES timestamp, plus the
    /// unit's start delay; its end is the stop command, else the next caption's start.
    /// </summary>
    public static IEnumerable<BitmapCaption> Read(byte[] programStream, VobSubIndex index, int streamIndex)
    {
        var listed = index.Streams.FirstOrDefault(stream => stream.Index == streamIndex)?.Entries
            .GroupBy(entry => entry.FilePosition)
            .ToDictionary(group => group.Key, group => group.First().Timestamp);
        var units = new List<(TimeSpan Start, TimeSpan? End, byte[] Data)>();
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

            var (startDelay, stopDelay, hasPicture) = SpuDecoder.Timing(packet.Data);
            if (hasPicture)
            {
                units.Add((timestamp + startDelay, stopDelay is { } stop ? timestamp + stop : null, packet.Data));
            }
        }

        units.Sort((a, b) => a.Start.CompareTo(b.Start));
        return Pictures(units, index.Palette);
    }

    private static IEnumerable<BitmapCaption> Pictures(List<(TimeSpan Start, TimeSpan? End, byte[] Data)> units, IReadOnlyList<uint> palette)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var (start, end, data) = units[i];
            var next = i + 1 < units.Count ? units[i + 1].Start : (TimeSpan?)null;
            var resolved = end ?? (next > start ? next.Value : start + BitmapCaption.OpenEndedDuration);
            if (resolved > start && SpuDecoder.Decode(data, palette) is { } image)
            {
                yield return new BitmapCaption(start, resolved, image.X, image.Y, image.Width, image.Height, image.Rgba, image.IsForced);
            }
        }
    }
}
