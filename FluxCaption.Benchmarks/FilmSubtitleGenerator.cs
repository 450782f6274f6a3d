using FluxCaption.Core.Subtitles;

namespace FluxCaption.Benchmarks;

/// <summary>
/// Writes a film-length English SRT, the same for the same seed: dialogue lines from short replies to
/// two-line sentences, some italics (voices off, inline emphasis), a few {\an8} positioned lines and
/// music cues, pauses of a fraction of a second to 2.5 seconds inside a scene and 11 to 40 seconds
/// between scenes of 8 to 40 lines.
/// Cues average about 35 characters, like the corpus film ada-zangemann-en.srt (34.5).
/// </summary>
public static class FilmSubtitleGenerator
{
    private static readonly string[] Short =
    [
        "Yes.", "No.", "What?", "Wait!", "Thank you.", "Come on.", "I know.", "Why not?", "Really?", "Hurry up!",
        "Not now.", "Listen to me.", "Where is she?", "Who told you?", "Get in the car.", "It's late.",
    ];

    private static readonly string[] Openers =
    [
        "I told you", "You know", "We never thought", "Nobody believed", "She said", "He promised",
        "They found out", "I still think", "Do you remember", "We have to admit", "My father used to say",
        "The doctor called and said", "Everyone in this town knows", "I can't believe",
    ];

    private static readonly string[] Middles =
    [
        "that the bridge would hold", "the money was already gone", "we could make it before dark",
        "the letter never arrived", "he was lying about the fire", "this house has seen worse winters",
        "the train leaves at seven", "nobody would come looking for us", "she kept the key all along",
        "the storm is coming from the north", "they would close the factory", "you were right about him",
        "the river is higher than last year", "I would find you here", "the radio stopped working",
        "the lights were on all night", "your brother called twice", "the boat is still in the harbour",
        "we lost the map somewhere", "the police are asking questions", "the old mill burned down",
        "somebody took the photographs", "the wedding is on Saturday", "the dog knows the way home",
        "the snow will close the pass",
    ];

    private static readonly string[] ShortEndings = [".", "?", "!", ", right?", ", I think.", " again.", " now.", ", you see."];

    private static readonly string[] Endings =
    [
        ".", "!", "?", ", didn't I?", ", and I meant it.", " when we were kids.", " before the war.",
        ", but nobody listened.", " last night.", ", so stop worrying.",
    ];

    private static readonly string[] Names = ["", "", "", "Anna, ", "Tom, ", "Mrs. Keller, ", "Dad, ", "Listen, ", "Look, "];

    public static SubtitleDocument Generate(int cueCount, int seed = 2026) =>
        SubtitleParser.Parse(GenerateSrt(cueCount, seed), SubtitleFormat.Srt);

    public static string GenerateSrt(int cueCount, int seed = 2026)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cueCount, 1);
        var random = new Random(seed);
        var srt = new SrtBuilder(TimeSpan.FromSeconds(42));
        var sceneLeft = random.Next(8, 41);

        for (var number = 1; number <= cueCount; number++)
        {
            var text = Line(random);
            var duration = TimeSpan.FromMilliseconds(Math.Clamp(700 + (text.Length * 60), 1000, 6500));
            srt.Cue(text, duration);
            if (--sceneLeft == 0)
            {
                srt.Pause(TimeSpan.FromSeconds(random.Next(11, 41)));
                sceneLeft = random.Next(8, 41);
            }
            else
            {
                srt.Pause(TimeSpan.FromMilliseconds(random.Next(150, 2500)));
            }
        }

        return srt.ToString();
    }

    private static string Line(Random random)
    {
        var roll = random.Next(100);
        if (roll < 2)
        {
            return "♪ ♪";
        }

        var sentence = roll switch
        {
            < 27 => random.Pick(Short),
            < 52 => Addressed(random.Pick(Names), Sentence(random.Pick(Middles), random.Pick(ShortEndings))),
            < 92 => $"{Addressed(random.Pick(Names), random.Pick(Openers))} {random.Pick(Middles)}{random.Pick(Endings)}",
            _ => $"{random.Pick(Openers)} {random.Pick(Middles)}. {random.Pick(Short)}",
        };

        return random.Next(100) switch
        {
            < 6 => $"<i>{Wrap(sentence)}</i>",
            < 10 => Emphasise(Wrap(sentence)),
            < 12 => "{\\an8}" + Wrap(sentence),
            < 15 => $"- {random.Pick(Short)}\n- {random.Pick(Short)}",
            _ => Wrap(sentence),
        };
    }

    // Readable subtitles keep about 42 characters per line: break longer ones at the space nearest the middle.
    private static string Wrap(string sentence)
    {
        if (sentence.Length <= 42)
        {
            return sentence;
        }

        var middle = sentence.Length / 2;
        var before = sentence.LastIndexOf(' ', middle);
        var after = sentence.IndexOf(' ', middle);
        var at = before < 0 || (after >= 0 && after - middle < middle - before) ? after : before;
        return at < 0 ? sentence : sentence[..at] + "\n" + sentence[(at + 1)..];
    }

    private static string Emphasise(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? $"<i>{text}</i>" : $"<i>{text[..space]}</i>{text[space..]}";
    }

    private static string Sentence(string clause, string end) => char.ToUpperInvariant(clause[0]) + clause[1..] + end;

    private static string Addressed(string name, string opener) =>
        name.Length == 0 || opener.StartsWith("I ", StringComparison.Ordinal)
            ? name + opener
            : name + char.ToLowerInvariant(opener[0]) + opener[1..];
}
