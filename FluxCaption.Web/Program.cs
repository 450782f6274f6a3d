using FluxCaption.Web.Components;
using FluxCaption.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapResultDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
