using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace FluxCaption.Api.Apis.Memory;

/// <summary>One translation unit as read: its source language and every variant (language, text) in document order.</summary>
public sealed record TmxUnit(int Index, string SourceLanguage, string? Engine, string? Model, string? KeptReason, IReadOnlyList<(string Language, string Text)> Variants)
{
    /// <summary>creationdate and changedate as written (YYYYMMDDThhmmssZ), if present.</summary>
    public string? CreationDate { get; init; }

    public string? ChangeDate { get; init; }
}

/// <summary>Why a TMX document cannot be imported at all (as opposed to a unit that is only skipped).</summary>
public sealed class TmxFormatException(string message) : Exception(message);

/// <summary>
/// Reads TMX 1.4 units one at a time from a stream. The header must name srclang; a unit needs at least
/// two tuv. Inline codes inside seg (bpt, ept, it, ph, ut) are the original document's markup and are
/// left out; the text of hi and sub is kept. DTDs are ignored, so a document cannot pull in entities.
/// </summary>
public static class TmxReader
{
    public static async IAsyncEnumerable<TmxUnit> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(input, new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        if (await reader.MoveToContentAsync() != XmlNodeType.Element || reader.LocalName != "tmx")
        {
            throw new TmxFormatException("The document is not TMX: its root element must be <tmx>.");
        }

        string? headerSource = null;
        var sawHeader = false;
        var index = 0;
        while (await reader.ReadAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "header")
            {
                sawHeader = true;
                headerSource = reader.GetAttribute("srclang")?.Trim();
                if (string.IsNullOrEmpty(headerSource))
                {
                    throw new TmxFormatException("The TMX header has no srclang attribute; TMX requires it (a language code, or *all*).");
                }
            }
            else if (reader.LocalName == "tu")
            {
                if (!sawHeader)
                {
                    throw new TmxFormatException("The TMX document has no <header> before its units.");
                }

                index++;
                var unitSource = reader.GetAttribute("srclang")?.Trim() ?? headerSource!;
                var (creation, change) = (reader.GetAttribute("creationdate"), reader.GetAttribute("changedate"));
                var unit = await ReadUnitAsync(reader.ReadSubtree(), index, unitSource);
                yield return unit with { CreationDate = creation, ChangeDate = change };
            }
        }

        if (!sawHeader)
        {
            throw new TmxFormatException("The TMX document has no <header>.");
        }
    }

    private static async Task<TmxUnit> ReadUnitAsync(XmlReader unit, int index, string sourceLanguage)
    {
        using var _ = unit;
        string? engine = null, model = null, kept = null;
        var variants = new List<(string, string)>();
        string? language = null;
        await unit.ReadAsync();
        var more = await unit.ReadAsync();
        while (more)
        {
            if (unit.NodeType == XmlNodeType.Element && unit.LocalName == "prop" && unit.Depth == 1)
            {
                var type = unit.GetAttribute("type");
                var value = await unit.ReadElementContentAsStringAsync();
                engine = type == TmxWriter.EnginePropType ? value : engine;
                model = type == TmxWriter.ModelPropType ? value : model;
                kept = type == TmxWriter.KeptPropType ? value : kept;
                more = unit.ReadState == ReadState.Interactive;
                continue;
            }

            if (unit.NodeType == XmlNodeType.Element && unit.LocalName == "tuv")
            {
                // TMX 1.4 writes xml:lang; 1.1-era files still use lang.
                language = unit.GetAttribute("xml:lang") ?? unit.GetAttribute("lang") ?? "";
            }
            else if (unit.NodeType == XmlNodeType.Element && unit.LocalName == "seg" && language is not null)
            {
                variants.Add((language.Trim(), await ReadSegAsync(unit.ReadSubtree())));
                language = null;
            }

            more = await unit.ReadAsync();
        }

        if (variants.Count < 2)
        {
            throw new TmxFormatException($"Translation unit {index} has {variants.Count} tuv with a seg; each tu needs at least two (the source and a translation).");
        }

        return new TmxUnit(index, sourceLanguage, engine, model, kept, variants);
    }

    private static async Task<string> ReadSegAsync(XmlReader seg)
    {
        using var _ = seg;
        var text = new StringBuilder();
        await seg.ReadAsync();
        var more = await seg.ReadAsync();
        while (more)
        {
            if (seg.NodeType == XmlNodeType.Element && seg.LocalName is "bpt" or "ept" or "it" or "ph" or "ut")
            {
                await seg.SkipAsync();
                more = seg.ReadState == ReadState.Interactive;
                continue;
            }

            if (seg.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)
            {
                text.Append(seg.Value);
            }

            more = await seg.ReadAsync();
        }

        return text.ToString();
    }
}
