using System.Globalization;
using System.Text;

namespace FluxCaption.Core.Speech.Cues;

/// <summary>
/// Phrases Whisper-family models write over silence, music or noise. They come from the training data:
/// subtitle files of online videos end with credits and sign-offs ("subtitles by the Amara.org community",
/// "thanks for watching", a broadcaster's subtitling credit), so a model that hears nothing tends to
/// produce the text that most often stood where there was nothing to hear. Spoken for real they are rare
/// in films and series; dropping them costs far less than showing them.
/// Compared after <see cref="Normalise"/>: lower case, accents and punctuation removed, spaces collapsed.
/// </summary>
internal static class KnownFillers
{
    /// <summary>The whole segment is one of these.</summary>
    private static readonly string[] WholePhrases =
    [
        // English
        "thanks for watching", "thank you for watching", "thank you so much for watching", "thanks for watching and see you next time",
        "please subscribe", "please subscribe to my channel", "subscribe to my channel", "like and subscribe",
        "dont forget to like and subscribe", "please like and subscribe", "see you in the next video", "see you next time",
        // Chinese
        "谢谢观看", "感谢观看", "謝謝觀看", "感謝觀看", "谢谢大家观看", "请订阅", "請訂閱", "请不吝点赞 订阅 转发 打赏支持明镜与点点栏目",
        "請不吝點贊 訂閱 轉發 打賞支持明鏡與點點欄目", "点赞订阅转发", "字幕by索兰娅",
        // Japanese
        "ご視聴ありがとうございました", "ご清聴ありがとうございました", "チャンネル登録お願いします", "チャンネル登録よろしくお願いします",
        "最後までご視聴いただきありがとうございました",
        // Korean
        "시청해주셔서 감사합니다", "시청해 주셔서 감사합니다", "구독과 좋아요 부탁드립니다", "구독 좋아요 부탁드립니다", "mbc 뉴스 이덕영입니다",
        // Spanish
        "gracias por ver", "gracias por ver el video", "muchas gracias por ver", "suscribete", "suscribete al canal", "no olvides suscribirte",
        // French
        "merci davoir regarde", "merci davoir regarde cette video", "abonnez vous", "abonnez vous a la chaine", "merci a tous",
        // German
        "vielen dank furs zuschauen", "danke furs zuschauen", "abonniert den kanal", "bis zum nachsten mal",
    ];

    /// <summary>Credits: the segment contains one of these anywhere.</summary>
    private static readonly string[] CreditMarkers =
    [
        "amara org", "subtitles by", "subtitled by", "captions by", "captioned by", "transcribed by", "transcription by",
        "subtitulos realizados por", "subtitulado por", "sous titres realises par", "sous titrage", "sous titres par",
        "untertitel im auftrag", "untertitelung des", "untertitel der", "untertitel von",
        "字幕由", "字幕志愿者", "字幕志願者", "字幕制作", "字幕製作", "中文字幕", "字幕提供", "자막 제공", "자막은", "字幕 by",
    ];

    private static readonly HashSet<string> Whole = [.. WholePhrases.Select(Normalise)];

    private static readonly string[] Markers = [.. CreditMarkers.Select(Normalise)];

    public static bool IsFiller(string text)
    {
        if (IsOnlyMusicNotes(text))
        {
            return true;
        }

        var normalised = Normalise(text);
        return Whole.Contains(normalised) || Markers.Any(marker => normalised.Contains(marker, StringComparison.Ordinal));
    }

    /// <summary>"♪", "♪ ♪", "(♫)": a model's rendering of music, with no words to subtitle.</summary>
    private static bool IsOnlyMusicNotes(string text)
    {
        var hasNote = text.AsSpan().IndexOfAny("♪♫♬♩") >= 0
            || text.Contains("\U0001F3B5", StringComparison.Ordinal) || text.Contains("\U0001F3B6", StringComparison.Ordinal);
        return hasNote && !text.Any(char.IsLetterOrDigit);
    }

    /// <summary>Lower case, accents and apostrophes gone, other punctuation a single space, trimmed.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
