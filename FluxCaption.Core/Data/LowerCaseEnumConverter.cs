using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FluxCaption.Core.Data;

/// <summary>Stores enums as lower-case strings ('queued', 'webvtt') so SQL filters and indexes read naturally.</summary>
internal sealed class LowerCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => value.ToString().ToLowerInvariant(),
    text => Enum.Parse<TEnum>(text, true))
    where TEnum : struct, Enum;
