using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FluxCaption.Core.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without a host; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FluxCaptionDbContext>
{
    public FluxCaptionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FluxCaptionDbContext>();
        DataExtensions.Configure(options, "Host=localhost;Database=fluxcaption;Username=postgres");
        return new FluxCaptionDbContext(options.Options);
    }
}
