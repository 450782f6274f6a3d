namespace FluxCaption.Contracts.Jobs;

/// <summary>
/// The job fields every live event carries in its data (camelCase JSON): enough for a list or a
/// progress bar to move without reading the job again. Status and stage are lower-case names.
/// </summary>
public sealed record JobEventSnapshot(
    Guid Id,
    string Status,
    string Stage,
    double Progress,
    string? ErrorCode,
    string? ErrorMessage,
    Guid? ResultDocumentId,
    int Attempt,
    string? Message);
