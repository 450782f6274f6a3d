using FluxCaption.Core.Data;
using FluxCaption.Core.Libraries;
using FluxCaption.Core.Libraries.Rules;
using Microsoft.EntityFrameworkCore;

namespace FluxCaption.Api.Apis.Background;

/// <summary>
/// A media server announced a new item: sync that one item, then plan its gaps for every enabled
/// rule that covers its library. A rule's minimum item age still applies, so an item that is too
/// young is left to the rule's next scheduled run.
/// </summary>
public sealed partial class ItemAddedHandler(
    FluxCaptionDbContext db,
    ILibrarySyncService sync,
    IGapJobPlanner planner,
    ILogger<ItemAddedHandler> logger)
{
    public async Task HandleAsync(MediaSourceKind source, string externalId, CancellationToken cancellationToken)
    {
        var itemId = await sync.SyncItemAsync(source, externalId, cancellationToken);
        if (itemId is null)
        {
            LogUnknown(logger, source, externalId);
            return;
        }

        var libraryId = await db.MediaItems.Where(item => item.Id == itemId).Select(item => item.LibraryId).SingleAsync(cancellationToken);
        var rules = await db.AutoTranslationRules.AsNoTracking().Where(rule => rule.Enabled).OrderBy(rule => rule.Name).ToListAsync(cancellationToken);
        foreach (var rule in rules.Where(rule => RuleRunner.Covers(rule, libraryId)))
        {
            var result = await planner.PlanAsync(RuleRunner.ToPlanRequest(rule, [itemId.Value]), cancellationToken);
            LogPlanned(logger, itemId.Value, rule.Id, result.JobsCreated);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Source} item {ExternalId} from a webhook is not known to its source; nothing to do")]
    private static partial void LogUnknown(ILogger logger, MediaSourceKind source, string externalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Item {MediaItemId} planned for rule {RuleId}: {JobsCreated} jobs created")]
    private static partial void LogPlanned(ILogger logger, Guid mediaItemId, Guid ruleId, int jobsCreated);
}
