using FluxCaption.Web.Components;
using FluxCaption.Web.Extensions;
using FluxCaption.Web.Localization;

var builder = WebApplication.CreateBuilder(args);

// Serve library assets (MudBlazor's CSS and JS) from a build folder in every environment, as the
// local launcher runs it; after `dotnet publish` the manifest is absent and this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseRequestLocalization();
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapCultureSwitch();
app.MapResultDownloads();
app.MapExportDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
