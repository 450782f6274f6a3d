using System.Xml.Linq;
using FluxCaption.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FluxCaption.Core.Settings;

/// <summary>
/// Keeps the Data Protection key ring in Postgres, so the Api and every Worker (on any host) decrypt
/// what the others encrypted, and a restarted or replaced container still reads its old secrets.
/// Keys are only ever added: Data Protection marks old keys revoked or expired inside new elements.
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    // IXmlRepository is synchronous; it is called when the key ring is (re)loaded, not per request.
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        return db.Set<DataProtectionKeyEntity>()
            .AsNoTracking()
            .OrderBy(key => key.Id)
            .Select(key => key.Xml)
            .ToList()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FluxCaptionDbContext>();
        db.Set<DataProtectionKeyEntity>().Add(new DataProtectionKeyEntity
        {
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
        db.SaveChanges();
    }
}
