namespace FluxCaption.Core.Libraries.Rules;

/// <summary>How a rule run ended; NotFound when the rule was deleted before it ran.</summary>
public enum RuleRunStatus
{
    Succeeded,
    Failed,
    NotFound,
}
