using FluxCaption.Web.Accounts;
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
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapCultureSwitch();
app.MapAccountEndpoints();

// Result files and exports are the users' data: the same sign-in as the pages.
var downloads = app.MapGroup("").RequireAuthorization();
downloads.MapResultDownloads();
downloads.MapExportDownloads();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireSignIn();

await app.RunAsync();
