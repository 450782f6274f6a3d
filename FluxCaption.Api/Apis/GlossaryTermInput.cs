using FluxCaption.Core.Languages;
using FluxCaption.Core.Translation.Glossary;

namespace FluxCaption.Api.Apis;

/// <summary>
/// One term as a client writes it (create, update, or a row of an import), and its validation:
/// languages normalised through <see cref="LanguageCodes"/>, terms trimmed and required, lengths
/// within the column limits. Errors are keyed by field, prefixed for import rows ("terms[3].source").
/// </summary>
public sealed record GlossaryTermInput(string? SourceLanguage, string? TargetLanguage, string? Source, string? Target, bool CaseSensitive = false)
{
    public const int MaxTermLength = 500;

    public GlossaryTermEntity? Validate(Dictionary<string, string[]> errors, string prefix = "")
    {
        var source = Language(SourceLanguage, "sourceLanguage");
        var target = Language(TargetLanguage, "targetLanguage");
        var sourceTerm = Term(Source, "source");
        var targetTerm = Term(Target, "target");
        return source is null || target is null || sourceTerm is null || targetTerm is null
            ? null
            : new GlossaryTermEntity
            {
                SourceLang = source,
                TargetLang = target,
                SourceTerm = sourceTerm,
                TargetTerm = targetTerm,
                CaseSensitive = CaseSensitive,
            };

        string? Language(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[prefix + field] = [$"{field} is required (e.g. 'en', 'zh-Hans', 'pt-BR')."];
                return null;
            }

            if (!LanguageCodes.TryNormalize(value, out var canonical) || LanguageCodes.IsUndetermined(canonical))
            {
                errors[prefix + field] = [$"'{value}' is not a language code FluxCaption knows."];
                return null;
            }

            return canonical;
        }

        string? Term(string? value, string field)
        {
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length == 0)
            {
                errors[prefix + field] = [$"{field} must not be empty."];
                return null;
            }

            if (trimmed.Length > MaxTermLength)
            {
                errors[prefix + field] = [$"{field} is {trimmed.Length} characters; the limit is {MaxTermLength}."];
                return null;
            }

            if (trimmed.Contains('\n') || trimmed.Contains('\r'))
            {
                errors[prefix + field] = [$"{field} must be a single line."];
                return null;
            }

            return trimmed;
        }
    }
}
