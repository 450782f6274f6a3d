using FluxCaption.Api.Apis;
using FluxCaption.Api.Apis.Accounts;
using FluxCaption.Api.Apis.Dashboard;
using FluxCaption.Api.Apis.Memory;
using FluxCaption.Api.Apis.Models;
using FluxCaption.Api.Apis.Subtitles;
using FluxCaption.Api.Extensions;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

if (MigrateCommand.IsRequested(args))
{
    return await MigrateCommand.RunAsync(builder);
}

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapScalarApiReference();

app.MapJobsApi();
app.MapEventsApi();
app.MapSystemApi();
app.MapLibraryApis();
app.MapModelsApi();
app.MapAccountsApi();

app.MapGlossaryApi();
app.MapMemoryApi();
app.MapSubtitlesApi();
app.MapDashboardApi();

await app.RunAsync();
return 0;
