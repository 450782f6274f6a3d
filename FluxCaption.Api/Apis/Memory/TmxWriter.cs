using System.Globalization;
using System.Text;
using System.Xml;
using FluxCaption.Core.Data;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>
/// Writes entries as a TMX 1.4b document, one tu per entry, flushing as it goes so an export of any
/// size never sits in memory. The memory's own key parts that TMX has no attribute for (engine, model,
/// kept reason) travel as x- props, which TMX reserves for tool-specific data; the import reads them back.
/// </summary>
public sealed class TmxWriter : IAsyncDisposable
{
    public const string EnginePropType = "x-fluxcaption-engine";
    public const string ModelPropType = "x-fluxcaption-model";
    public const string KeptPropType = "x-fluxcaption-kept-reason";
    public const string DateFormat = "yyyyMMdd'T'HHmmss'Z'";

    private readonly XmlWriter _writer;
    private int _sinceFlush;

    private TmxWriter(XmlWriter writer) => _writer = writer;

    /// <summary>Starts the document; <paramref name="sourceLanguage"/> is null when the entries have several source languages ("*all*").</summary>
    public static async Task<TmxWriter> StartAsync(Stream output, string? sourceLanguage)
    {
        var writer = XmlWriter.Create(output, new XmlWriterSettings
        {
            Async = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
        });
        await writer.WriteStartDocumentAsync();
        await writer.WriteDocTypeAsync("tmx", null, "tmx14.dtd", null);
        await writer.WriteStartElementAsync(null, "tmx", null);
        await writer.WriteAttributeStringAsync(null, "version", null, "1.4");
        await writer.WriteStartElementAsync(null, "header", null);
        await writer.WriteAttributeStringAsync(null, "creationtool", null, "FluxCaption");
        await writer.WriteAttributeStringAsync(null, "creationtoolversion", null, typeof(TmxWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        await writer.WriteAttributeStringAsync(null, "segtype", null, "sentence");
        await writer.WriteAttributeStringAsync(null, "o-tmf", null, "FluxCaption");
        await writer.WriteAttributeStringAsync(null, "adminlang", null, "en");
        await writer.WriteAttributeStringAsync(null, "srclang", null, sourceLanguage ?? "*all*");
        await writer.WriteAttributeStringAsync(null, "datatype", null, "plaintext");
        await writer.WriteEndElementAsync();
        await writer.WriteStartElementAsync(null, "body", null);
        return new TmxWriter(writer);
    }

    public async Task WriteAsync(TranslationMemoryEntry entry, CancellationToken cancellationToken)
    {
        var w = _writer;
        await w.WriteStartElementAsync(null, "tu", null);
        await w.WriteAttributeStringAsync(null, "tuid", null, entry.Id.ToString(CultureInfo.InvariantCulture));
        await w.WriteAttributeStringAsync(null, "srclang", null, entry.SourceLang);
        await w.WriteAttributeStringAsync(null, "creationdate", null, entry.CreatedAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
        await w.WriteAttributeStringAsync(null, "lastusagedate", null, entry.LastUsedAt.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
        if (entry.EditedAt is { } edited)
        {
            await w.WriteAttributeStringAsync(null, "changedate", null, edited.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
        }

        await w.WriteAttributeStringAsync(null, "usagecount", null, entry.HitCount.ToString(CultureInfo.InvariantCulture));
        await PropAsync(EnginePropType, entry.Engine);
        await PropAsync(ModelPropType, entry.Model);
        if (entry.KeptReason is not null)
        {
            await PropAsync(KeptPropType, entry.KeptReason);
        }

        await TuvAsync(entry.SourceLang, entry.SourceText);
        await TuvAsync(entry.TargetLang, entry.TargetText);
        await w.WriteEndElementAsync();
        if (++_sinceFlush == 200)
        {
            _sinceFlush = 0;
            await w.FlushAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.WriteEndElementAsync();
        await _writer.WriteEndElementAsync();
        await _writer.WriteEndDocumentAsync();
        await _writer.FlushAsync();
        // Dispose() would flush synchronously, which the server's response stream refuses.
        await _writer.DisposeAsync();
    }

    private async Task PropAsync(string type, string value)
    {
        await _writer.WriteStartElementAsync(null, "prop", null);
        await _writer.WriteAttributeStringAsync(null, "type", null, type);
        await _writer.WriteStringAsync(XmlSafe(value));
        await _writer.WriteEndElementAsync();
    }

    private async Task TuvAsync(string language, string text)
    {
        await _writer.WriteStartElementAsync(null, "tuv", null);
        await _writer.WriteAttributeStringAsync("xml", "lang", null, language);
        await _writer.WriteStartElementAsync(null, "seg", null);
        await _writer.WriteStringAsync(XmlSafe(text));
        await _writer.WriteEndElementAsync();
        await _writer.WriteEndElementAsync();
    }

    // XML 1.0 cannot carry most control characters at all; a subtitle line holding one would
    // otherwise abort the export halfway through the download.
    private static string XmlSafe(string text)
    {
        var firstBad = -1;
        for (var i = 0; i < text.Length && firstBad < 0; i++)
        {
            if (!XmlConvert.IsXmlChar(text[i]) && !(char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) && !char.IsLowSurrogate(text[i]))
            {
                firstBad = i;
            }
        }

        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value is 0x9 or 0xA or 0xD || (rune.Value >= 0x20 && rune.Value != 0xFFFE && rune.Value != 0xFFFF) ? rune.ToString() : " ");
        }

        return builder.ToString();
    }
}
