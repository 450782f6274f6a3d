using System.Text;

namespace FluxCaption.Tests.Api;

/// <summary>Builds translate requests the way a client would send them.</summary>
public static class TranslateUploads
{
    public const string ThreeCueSrt = """
        1
        00:00:01,000 --> 00:00:03,500
        The house is red.

        2
        00:00:04,000 --> 00:00:06,250
        <i>Where is the dog?</i>

        3
        00:00:07,100 --> 00:00:09,900
        I have two cats
        and a small garden.

        """;

    public static MultipartFormDataContent Form(
        byte[]? file,
        string? fileName = "movie.en.srt",
        string? targetLanguage = "es",
        string? sourceLanguage = null,
        string? engine = "apertium",
        string? outputFormat = null,
        string? model = null,
        string? glossary = null,
        string? fallback = null)
    {
        var form = new MultipartFormDataContent();
        if (file is not null)
        {
            form.Add(new ByteArrayContent(file), "file", fileName ?? "upload.srt");
        }

        Add(form, "targetLanguage", targetLanguage);
        Add(form, "sourceLanguage", sourceLanguage);
        Add(form, "engine", engine);
        Add(form, "outputFormat", outputFormat);
        Add(form, "model", model);
        Add(form, "glossary", glossary);
        Add(form, "fallback", fallback);
        return form;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"));

    private static void Add(MultipartFormDataContent form, string name, string? value)
    {
        if (value is not null)
        {
            form.Add(new StringContent(value), name);
        }
    }
}
