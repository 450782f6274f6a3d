using System.Globalization;
using System.Text;

namespace FluxCaption.Benchmarks;

/// <summary>Writes numbered SRT cues one after another on a running clock, for the generated file shapes.</summary>
internal sealed class SrtBuilder(TimeSpan start)
{
    private readonly StringBuilder _srt = new();
    private TimeSpan _clock = start;
    private int _number;

    public void Cue(string text, TimeSpan duration)
    {
        _number++;
        _srt.Append(_number.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Timestamp(_clock)).Append(" --> ").Append(Timestamp(_clock + duration)).Append('\n')
            .Append(text).Append("\n\n");
        _clock += duration;
    }

    public void Pause(TimeSpan pause) => _clock += pause;

    public override string ToString() => _srt.ToString();

    private static string Timestamp(TimeSpan time) =>
        time.ToString(@"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);
}

internal static class RandomChoice
{
    public static string Pick(this Random random, IReadOnlyList<string> choices) => choices[random.Next(choices.Count)];
}
