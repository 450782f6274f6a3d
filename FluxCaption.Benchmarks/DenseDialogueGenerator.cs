using FluxCaption.Core.Subtitles;

namespace FluxCaption.Benchmarks;

/// <summary>
/// Writes the second file shape, the same for the same seed: dense, fast dialogue of short, hard lines
/// (an argument, a chase) with pauses of 0.1-1.2 s, long scenes of 30 to 120 lines and 11-30 s between
/// them, like the 1,332-cue French film that took 76 requests. Every 23rd cue is a phrase the scripted
/// model gives back unchanged and every 37th one it leaves out of its reply (<see cref="ScriptedModel"/>),
/// so the run pays for recovery as a real model makes it.
/// </summary>
public static class DenseDialogueGenerator
{
    public const int EchoedEvery = 23;
    public const int UnansweredEvery = 37;

    private static readonly string[] Short =
    [
        "Go!", "Now?", "Move it.", "Stay back!", "Who's there?", "Don't shoot!", "Over here!", "Get down!",
        "Run!", "Not him.", "Open it.", "Too late.", "Say it.", "Look out!", "Behind you!", "Keep going.",
        "I can't.", "Why me?", "Shut up!", "Drop it.", "Where to?", "Left!", "Faster!", "It's locked.",
        "Give it back.", "I... I don't know.", "Let go of me!", "You promised.", "Since when?", "Hands up!",
    ];

    private static readonly string[] Names = ["Anna", "Tom", "Marc", "Julie", "Dad", "Inspector", "Sophie", "Karim"];

    private static readonly string[] Tails = ["now", "again", "please", "right here", "for God's sake", "quietly", "all of you"];

    public static SubtitleDocument Generate(int cueCount, int seed = 2026) =>
        SubtitleParser.Parse(GenerateSrt(cueCount, seed), SubtitleFormat.Srt);

    public static string GenerateSrt(int cueCount, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cueCount, 1);
        var random = new Random(seed);
        var srt = new SrtBuilder(TimeSpan.FromSeconds(30));
        var sceneLeft = random.Next(30, 121);

        for (var number = 1; number <= cueCount; number++)
        {
            var text = (number % EchoedEvery, number % UnansweredEvery) switch
            {
                (11, _) => $"{random.Pick(ScriptedModel.Echoed)}, {random.Pick(Names)}!",
                (_, 5) => $"{random.Pick(ScriptedModel.Unanswered)}, {random.Pick(Names).ToLowerInvariant()}...",
                _ => Line(random),
            };
            var duration = TimeSpan.FromMilliseconds(Math.Clamp(500 + (text.Length * 55), 800, 3500));
            srt.Cue(text, duration);
            if (--sceneLeft == 0)
            {
                srt.Pause(TimeSpan.FromSeconds(random.Next(11, 31)));
                sceneLeft = random.Next(30, 121);
            }
            else
            {
                srt.Pause(TimeSpan.FromMilliseconds(random.Next(100, 1200)));
            }
        }

        return srt.ToString();
    }

    private static string Line(Random random) => random.Next(100) switch
    {
        < 35 => random.Pick(Short),
        < 60 => $"{random.Pick(Names)}, {Lower(random.Pick(Short))}",
        < 80 => $"{random.Pick(Short).TrimEnd('.', '!', '?')} {random.Pick(Tails)}!",
        < 90 => $"- {random.Pick(Short)}\n- {random.Pick(Short)}",
        _ => $"<i>{random.Pick(Short)}</i>",
    };

    // "Tom, who's there?", but "Tom, I can't." keeps its capital I.
    private static string Lower(string line) =>
        line.StartsWith("I ", StringComparison.Ordinal) || line.StartsWith("I.", StringComparison.Ordinal)
            ? line
            : char.ToLowerInvariant(line[0]) + line[1..];
}
