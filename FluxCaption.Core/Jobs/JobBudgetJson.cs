using System.Text.Json;
using FluxCaption.Contracts;

namespace FluxCaption.Core.Jobs;

/// <summary>
/// The jobs.budget jsonb: the estimate made when the translate stage first planned the job and the
/// spending of every attempt since, <c>{"estimate":{...},"spent":{...}}</c> in the shape of <see cref="JobBudgetFigures"/>.
/// </summary>
public static class JobBudgetJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a stored budget; an unreadable one reads as none, so a hand-edited row never breaks a job read.</summary>
    public static JobBudget Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new JobBudget(null, null);
        }

        try
        {
            return JsonSerializer.Deserialize<JobBudget>(json, Json) ?? new JobBudget(null, null);
        }
        catch (JsonException)
        {
            return new JobBudget(null, null);
        }
    }

    public static string Write(JobBudget budget) => JsonSerializer.Serialize(budget, Json);
}

/// <summary>A job's estimate and spending; either is null until known.</summary>
public sealed record JobBudget(JobBudgetFigures? Estimate, JobBudgetFigures? Spent);
