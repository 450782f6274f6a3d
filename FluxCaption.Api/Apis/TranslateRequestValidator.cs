using FluxCaption.Core.Languages;
using FluxCaption.Core.Subtitles;

namespace FluxCaption.Api.Apis;

/// <summary>
/// Checks the fields of a translate upload that do not need the file's content, naming each field
/// and the rule it broke. The file itself is judged by the subtitle decoder and parser.
/// </summary>
public static class TranslateRequestValidator
{
    // The widths of the columns these fields are stored in (jobs.model, subtitle_documents.file_name):
    // longer values are refused here with the limit, not by the database with a 500.
    public const int MaxModelLength = 200;

    public const int MaxFileNameLength = 500;

    public sealed record ValidatedFields(string? SourceLanguage, string TargetLanguage, string Engine, SubtitleFormat? OutputFormat);

    public static Dictionary<string, string[]> Validate(
        IFormFile? file,
        string? targetLanguage,
        string? sourceLanguage,
        string? engine,
        string? outputFormat,
        long maxUploadBytes,
        EngineCatalog engines,
        out ValidatedFields? fields)
    {
        var errors = new Dictionary<string, string[]>();
        fields = null;

        if (file is null)
        {
            errors["file"] = ["A subtitle file is required (multipart field 'file')."];
        }
        else if (file.Length == 0)
        {
            errors["file"] = ["The uploaded file is empty."];
        }
        else if (file.Length > maxUploadBytes)
        {
            errors["file"] = [$"The uploaded file is {file.Length} bytes; the limit is {maxUploadBytes} bytes (Api:MaxUploadBytes)."];
        }
        else if (Path.GetFileName(file.FileName).Length > MaxFileNameLength)
        {
            errors["file"] = [$"The file name is {Path.GetFileName(file.FileName).Length} characters; at most {MaxFileNameLength} characters are kept."];
        }

        string target = "";
        if (string.IsNullOrWhiteSpace(targetLanguage))
        {
            errors["targetLanguage"] = ["targetLanguage is required (e.g. 'es', 'zh-Hans', 'pt-BR')."];
        }
        else if (!LanguageCodes.TryNormalize(targetLanguage, out target))
        {
            errors["targetLanguage"] = [$"'{targetLanguage}' is not a language code FluxCaption knows."];
        }

        string? source = null;
        if (!string.IsNullOrWhiteSpace(sourceLanguage))
        {
            if (LanguageCodes.TryNormalize(sourceLanguage, out var normalized))
            {
                source = normalized;
            }
            else
            {
                errors["sourceLanguage"] = [$"'{sourceLanguage}' is not a language code FluxCaption knows."];
            }
        }
        else if (file is not null)
        {
            source = LanguageFromFileName(file.FileName);
        }

        var engineName = string.IsNullOrWhiteSpace(engine) ? engines.DefaultEngine : engine.Trim().ToLowerInvariant();
        var found = engines.Find(engineName);
        if (found is null)
        {
            errors["engine"] = [$"'{engineName}' is not an engine of this installation; available: {string.Join(", ", engines.Names)}."];
        }
        else if (target.Length > 0 && source is not null && !found.Supports(source, target))
        {
            errors["engine"] = [$"Engine '{found.Name}' cannot translate {source} to {target} here."];
        }
        else if (source is null && found.Name == "apertium" && !errors.ContainsKey("sourceLanguage"))
        {
            // A rule-based engine has fixed pairs; an LLM can work out the source language itself.
            errors["sourceLanguage"] = ["sourceLanguage is required for engine 'apertium' (or name the file like 'movie.en.srt')."];
        }

        SubtitleFormat? format = null;
        if (!string.IsNullOrWhiteSpace(outputFormat))
        {
            if (SubtitleFormatNames.TryParse(outputFormat, out var parsed))
            {
                format = parsed;
            }
            else
            {
                errors["outputFormat"] = [$"'{outputFormat}' is not an output format; use srt, vtt or ass."];
            }
        }

        if (errors.Count == 0)
        {
            fields = new ValidatedFields(source, target, found!.Name, format);
        }

        return errors;
    }

    /// <summary>The trimmed model name, null when empty; over <see cref="MaxModelLength"/> an error under "model".</summary>
    public static string? ValidateModel(string? model, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var trimmed = model.Trim();
        if (trimmed.Length > MaxModelLength)
        {
            errors["model"] = [$"model is {trimmed.Length} characters; a model name has at most {MaxModelLength} characters."];
        }

        return trimmed;
    }

    /// <summary>
    /// An optional on/off form field: absent or empty is off; true/false, 1/0, on/off and yes/no are read
    /// (an HTML checkbox sends "on"); anything else is an error naming the field.
    /// </summary>
    public static bool ValidateSwitch(string? value, string field, Dictionary<string, string[]> errors)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
            case "false" or "0" or "off" or "no":
                return false;
            case "true" or "1" or "on" or "yes":
                return true;
            default:
                errors[field] = [$"'{value}' is not a yes/no value for {field}; use true or false."];
                return false;
        }
    }

    /// <summary>"movie.en.srt" and "movie.pt-BR.forced.srt" carry their language; "movie.srt" does not.</summary>
    public static string? LanguageFromFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var parts = Path.GetFileNameWithoutExtension(fileName).Split('.');
        for (var i = parts.Length - 1; i >= 1; i--)
        {
            if (parts[i] is "forced" or "sdh" or "cc" or "hi" or "default")
            {
                continue;
            }

            return LanguageCodes.TryNormalize(parts[i], out var language) ? language : null;
        }

        return null;
    }
}
